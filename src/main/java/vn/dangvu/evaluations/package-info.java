/**
 * Review and quality classification (kiểm điểm, đánh giá, xếp loại chất lượng): cycles that name their
 * regulation, versioned criteria sets within the 100-point frame, the steps self-assessment → opinions → appraisal →
 * decision for organizations, leadership collectives and members, the conditions that cap or force a level, the
 * HTXSNV quota, results rolled up per subtree from kept counters, remediation items carried across cycles, and
 * the education-list vote after two years of KHTNV. Reads the meetings module for evidence.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organizations", "meetings", "shared" })
@NullMarked
package vn.dangvu.evaluations;

import org.jspecify.annotations.NullMarked;
