package vn.dangvu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class DangvuApplication {

	public static void main(String[] args) {
		SpringApplication.run(DangvuApplication.class, args);
	}
}
