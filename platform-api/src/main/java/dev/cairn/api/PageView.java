package dev.cairn.api;

import java.util.List;

/** One page of a longer list; {@code total} lets a client draw the pager. Pages count from 0. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
