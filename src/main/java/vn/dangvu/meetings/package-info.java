/**
 * Cell meetings: schedule rules that create the month's meetings, agendas and materials, invitations from the
 * roster, attendance with quorum and the HD 12 quality criteria, structured minutes with votes and tasks, sign-off
 * and amendments, higher-level committee members assigned to follow cells, and statistics from kept counters.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organizations", "shared" })
@NullMarked
package vn.dangvu.meetings;

import org.jspecify.annotations.NullMarked;
