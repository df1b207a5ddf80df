package dev.cairn.deploy.predict;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /predict}: either {@code features}, one row, or {@code instances}, a batch of rows; each row
 * names its features ({@code {"tenure": 12, "contract": "One year"}}). A missing or null feature takes the value the
 * model imputes for it, when it has one. For a model whose only input is a text column, {@code text} is the raw
 * text: a string (one row) or an array of strings (a batch).
 */
public record PredictRequest(Map<String, Object> features, List<Map<String, Object>> instances, Object text) {
}
