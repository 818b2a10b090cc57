package vn.dangvu.shared;

import java.util.List;

/** One page of a list: the rows, the page number (from 1), the page size and the total. */
public record PageOf<T>(List<T> rows, int page, int size, long total) {

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasNext() {
		return page < pages();
	}

	/** The total was counted only up to 10,001. */
	public boolean totalCapped() {
		return total > 10_000;
	}

	public boolean hasPrevious() {
		return page > 1;
	}
}
