package dev.wippy.cli;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code wippy run} as its own OS process: SIGTERM sends CANCEL to every process and ends with status 0. */
class SignalsTest {
    @Test
    void sigtermStopsTheRunningAppGracefully() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xss64m", "-cp",
                System.getProperty("java.class.path"), "dev.wippy.cli.Main", "run", "--dir",
                Path.of("..", "examples", "echo").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        BufferedReader log = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = log.readLine()) != null) {
            lines.add(line);
            if (line.contains("relay ready")) {
                break;
            }
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("runtime ready"));
        new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
        while ((line = log.readLine()) != null) {
            lines.add(line);
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("relay stopping").contains("reason=\"service stopping\""));
    }
}
