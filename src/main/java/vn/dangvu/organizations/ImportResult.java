package vn.dangvu.organizations;

import java.util.List;

import vn.dangvu.shared.InvalidInput;

/**
 * The dry run (or the commit) of a spreadsheet import: rows read, rows good, and every problem of every bad row
 * (row numbers as Excel shows them). {@code batchId} names the stored upload to commit.
 */
public record ImportResult(long batchId, String fileName, int rows, int good, List<RowProblem> problems, boolean committed,
		int imported) {

	public record RowProblem(int row, String name, InvalidInput.Problem problem) {
	}

	public int bad() {
		return rows - good;
	}

	public boolean clean() {
		return problems.isEmpty();
	}
}
