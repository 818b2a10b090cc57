package vn.dangvu.meetings;

import java.time.LocalDate;
import java.util.List;

/**
 * A member absent without excuse in enough months of the year that the cell should consider the removal
 * procedure (DOMAIN §2.5), with the meetings as evidence. A prompt only: nothing happens automatically.
 */
public record AbsencePrompt(long memberId, String fullName, List<LocalDate> dates) {
}
