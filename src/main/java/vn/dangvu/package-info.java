@NullMarked
package vn.dangvu;

import org.jspecify.annotations.NullMarked;
