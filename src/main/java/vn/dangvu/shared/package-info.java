/** Tiny shared kernel: roles and scopes, Vietnamese text and dates, paging, the audit record. No beans. */
@NullMarked
package vn.dangvu.shared;

import org.jspecify.annotations.NullMarked;
