package vn.dangvu.shared;

/**
 * Nothing with that id within the caller's scope. Deliberately the same answer whether the thing does
 * not exist or lies outside the scope, so that guessing ids reveals nothing.
 */
public class NotFound extends RuntimeException {

	public NotFound(String what) {
		super(what);
	}
}
