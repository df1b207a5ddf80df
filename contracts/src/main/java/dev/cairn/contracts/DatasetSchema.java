package dev.cairn.contracts;

import java.util.List;

/**
 * The shape of a dataset version.
 *
 * @param missingTokens cell values read as missing (for example "", "NA", "?"); per dataset because in
 *        some files "None" is a real category
 */
public record DatasetSchema(List<ColumnSchema> columns, List<String> missingTokens, long rows) {
}
