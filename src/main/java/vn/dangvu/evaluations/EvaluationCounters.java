package vn.dangvu.evaluations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Folds the classification counters' deltas every second (readers add the deltas not yet folded). */
@Component
class EvaluationCounters {

	private static final Logger log = LoggerFactory.getLogger(EvaluationCounters.class);

	private final EvaluationRepository repo;

	EvaluationCounters(EvaluationRepository repo) {
		this.repo = repo;
	}

	@Scheduled(fixedDelayString = "${dangvu.evaluations.fold-millis:1000}")
	void fold() {
		try {
			repo.foldAll();
		}
		catch (RuntimeException e) {
			log.warn("Could not fold evaluation counters: {}", e.getMessage());
		}
	}
}
