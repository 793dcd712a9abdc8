package dev.wippy.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sse_relay} (spec 07 §5.3): event streams fed by processes through the stream's PID. */
class SseRelayTest {
    @TempDir
    static Path dir;
    static HttpApp app;

    @BeforeAll
    static void start() throws Exception {
        app = HttpApp.standard(dir, "", "prefix: /sse\nmiddleware: [sse_relay]")
                .actor("hub", """
                        -- joins get two news items, then the stream is closed; the hub reports what it saw
                        local seen = {}
                        local function handle(msg)
                            local p = msg:payload():data()
                            seen[#seen + 1] = msg:topic()
                            if msg:topic() == "sse.join" then
                                process.send(p.client_pid, "sse.message", "first")
                                process.send(p.client_pid, "other.topic", "not forwarded")
                                process.send(p.client_pid, "sse.message", { n = 2, room = p.metadata.room })
                                process.send(p.client_pid, "sse.close", "bye")
                            elseif msg:topic() == "report" then
                                process.send(msg:from(), "seen", table.concat(seen, ","))
                            end
                        end
                        """)
                .endpoint("managed", "GET", "/managed", "http, process, json", """
                        local http = require("http")
                        local json = require("json")
                        return { handler = function()
                            local hub = process.registry.lookup("hub")
                            http.response():set_header("X-SSE-Relay", json.encode({
                                target_pid = hub, metadata = { room = "lobby" } }))
                        end }
                        """)
                .endpoint("detached", "GET", "/detached", "http", """
                        local http = require("http")
                        return { handler = function()
                            http.response():set_header("X-SSE-Relay",
                                '{"message_topic":"*","idle_timeout":"2s","heartbeat_interval":"0"}')
                        end }
                        """)
                .endpoint("bad", "GET", "/bad", "http", """
                        local http = require("http")
                        return { handler = function()
                            http.response():set_header("X-SSE-Relay", '{"hard_timeout":"-1s"}')
                        end }
                        """)
                .endpoint("push", "GET", "/push", "http, process", """
                        local http = require("http")
                        return { handler = function()
                            local req = http.request()
                            local ok, err = process.send(req:query("pid"), req:query("topic"), req:query("text"))
                            http.response():write(err and tostring(err) or "sent")
                        end }
                        """)
                .endpoint("report", "GET", "/report", "http, process", """
                        local http = require("http")
                        return { handler = function()
                            process.send("hub", "report", "")
                            local msg = process.inbox():receive()
                            http.response():write(msg:payload():data())
                        end }
                        """)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aManagedStreamJoinsItsTargetForwardsItsTopicAndEndsOnClose() throws Exception {
        HttpResponse<String> r = app.get("/sse/managed");
        assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(r.headers().firstValue("x-accel-buffering")).hasValue("no");
        assertThat(r.headers().firstValue("x-sse-relay")).isEmpty();
        assertThat(r.body()).isEqualTo("""
                event: sse.message
                data: first

                event: sse.message
                data: {"n":2,"room":"lobby"}

                event: done
                data: {"reason":"bye"}

                """);
        assertThat(app.get("/sse/report").body()).isEqualTo("sse.join,sse.leave,report");
    }

    @Test
    void aDetachedStreamAnnouncesItsPidAndForwardsWhatProcessesSend() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<Stream<String>> r = client.send(HttpRequest.newBuilder(app.uri("/sse/detached"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofLines());
        Iterator<String> lines = r.body().iterator();
        assertThat(lines.next()).isEqualTo("event: ready");
        String data = lines.next();
        Matcher pid = Pattern.compile("\"stream_pid\":\"(\\{app:gateway\\|0x[0-9a-f]+})\"").matcher(data);
        assertThat(pid.find()).as(data).isTrue();
        assertThat(data).contains("\"message_topic\":\"*\"");
        String encoded = URLEncoder.encode(pid.group(1), StandardCharsets.UTF_8);
        assertThat(app.get("/sse/push?pid=" + encoded + "&topic=news&text=line1%0Aline2").body()).isEqualTo("sent");
        assertThat(List.of(lines.next(), lines.next(), lines.next(), lines.next(), lines.next()))
                .containsExactly("", "event: news", "data: line1", "data: line2", "");
        assertThat(app.get("/sse/push?pid=" + encoded + "&topic=sse.close&text=enough").body()).isEqualTo("sent");
        assertThat(List.of(lines.next(), lines.next())).containsExactly("event: done",
                "data: {\"reason\":\"enough\"}");
        Thread.sleep(200);
        assertThat(app.get("/sse/push?pid=" + encoded + "&topic=news&text=late").body()).contains("not found");
    }

    @Test
    void badCommandsGet400() throws Exception {
        HttpResponse<String> r = app.get("/sse/bad");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("invalid hard_timeout duration: \"-1s\"\n");
    }
}
