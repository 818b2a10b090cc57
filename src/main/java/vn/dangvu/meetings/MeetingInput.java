package vn.dangvu.meetings;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What a secretary types for a meeting: checked and parsed by {@link MeetingManagement}; fields as typed. */
public record MeetingInput(@Nullable String kind, @Nullable String date, @Nullable String time, @Nullable String place,
		boolean online, @Nullable String topic, List<String> agenda, @Nullable String campaign) {

	public MeetingInput(@Nullable String kind, @Nullable String date, @Nullable String time, @Nullable String place,
			boolean online, @Nullable String topic, List<String> agenda) {
		this(kind, date, time, place, online, topic, agenda, null);
	}
}
