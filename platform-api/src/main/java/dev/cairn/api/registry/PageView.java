package dev.cairn.api.registry;

import java.util.List;

/** One page of a longer list; {@code total} lets a client draw the pager. Pages count from 0. */
record PageView<T>(List<T> items, int page, int size, long total) {
}
