package vn.dangvu.organizations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application is ready, reads and checks a generated sheet a few times in the background (no database), so
 * that the first import after a start finds the sheet reading and the checks compiled by the JIT. Costs a couple of
 * seconds of one core after a start; {@code dangvu.import.warm-up-rows=0} turns it off.
 */
@Component
class ImportWarmUp {

	private static final Logger log = LoggerFactory.getLogger(ImportWarmUp.class);

	private final MemberImport imports;

	private final int rows;

	ImportWarmUp(MemberImport imports, @Value("${dangvu.import.warm-up-rows:5000}") int rows) {
		this.imports = imports;
		this.rows = rows;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (rows <= 0) {
			return;
		}
		Thread.ofPlatform().name("import-warm-up").daemon().start(() -> {
			long t0 = System.nanoTime();
			int checked = 0;
			try {
				for (int round = 0; round < 3; round++) {
					checked += imports.warmUp(rows);
				}
				log.info("Nhập Excel: đã chạy thử {} dòng trong {} ms", checked, (System.nanoTime() - t0) / 1_000_000);
			}
			catch (RuntimeException e) {
				log.warn("Nhập Excel: chạy thử không thành công", e);
			}
		});
	}
}
