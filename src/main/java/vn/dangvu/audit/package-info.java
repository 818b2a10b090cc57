/**
 * The append-only, hash-chained trail of every change, every read of a full member record and every export.
 * Listens to {@link vn.dangvu.shared.Audited} inside the transaction that does the work.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@NullMarked
package vn.dangvu.audit;

import org.jspecify.annotations.NullMarked;
