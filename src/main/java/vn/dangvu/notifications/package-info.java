/**
 * Reminders: what each person should do soon, gathered from every module that has deadlines (each offers a
 * {@link vn.dangvu.shared.Reminder.Source}), shown on their to-do page and, for those who asked, sent as one daily
 * e-mail that tells each fact once.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "shared" })
@NullMarked
package vn.dangvu.notifications;

import org.jspecify.annotations.NullMarked;
