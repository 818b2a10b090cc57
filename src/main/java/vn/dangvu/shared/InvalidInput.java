package vn.dangvu.shared;

import java.util.List;

/**
 * Input the rules refuse. Each problem names the field (as the user sees it) and says what is wrong, in
 * Vietnamese. Thrown before anything is written, or inside the transaction so that nothing is kept.
 */
public class InvalidInput extends RuntimeException {

	public record Problem(String field, String message) {
	}

	private final List<Problem> problems;

	public InvalidInput(List<Problem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	public InvalidInput(String field, String message) {
		this(List.of(new Problem(field, message)));
	}

	public List<Problem> problems() {
		return problems;
	}
}
