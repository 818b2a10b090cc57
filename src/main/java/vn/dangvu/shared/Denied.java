package vn.dangvu.shared;

/** The caller can see the thing but their role does not allow this action on it. */
public class Denied extends RuntimeException {

	public Denied(String message) {
		super(message);
	}
}
