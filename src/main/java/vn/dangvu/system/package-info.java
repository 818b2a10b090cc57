/** Plumbing: the embedded database, MVC and locale configuration, the scope argument, error pages, template helpers. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@NullMarked
package vn.dangvu.system;

import org.jspecify.annotations.NullMarked;
