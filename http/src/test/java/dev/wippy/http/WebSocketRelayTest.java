package dev.wippy.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code websocket_relay} (spec 07 §5.2): browser WebSockets handed to a process. */
class WebSocketRelayTest {
    @TempDir
    static Path dir;
    static HttpApp app;

    @BeforeAll
    static void start() throws Exception {
        app = HttpApp.standard(dir, "", "prefix: /ws\npost_middleware: [websocket_relay]\n"
                        + "post_options: { wsrelay.allowed.origins: \"*.example.com\" }")
                .actor("room", """
                        local log = {}
                        local function handle(msg)
                            local p = msg:payload():data()
                            log[#log + 1] = msg:topic()
                            if msg:topic() == "ws.join" then
                                process.send(p.client_pid, "welcome", { user = p.metadata.user })
                            elseif msg:topic() == "chat" then
                                if p == "close please" then
                                    process.send(msg:from(), "ws.close", "bye")
                                else
                                    process.send(msg:from(), "echo", string.upper(p))
                                end
                            elseif msg:topic() == "log" then
                                process.send(msg:from(), "log", table.concat(log, ","))
                                log = {}
                            end
                        end
                        """)
                .endpoint("join", "GET", "/room", "http, process, json", """
                        local http = require("http")
                        local json = require("json")
                        return { handler = function()
                            http.response():set_header("X-WS-Relay", json.encode({
                                target_pid = process.registry.lookup("room"), message_topic = "chat",
                                metadata = { user = http.request():query("user") } }))
                        end }
                        """)
                .endpoint("log", "GET", "/log", "http, process", """
                        local http = require("http")
                        return { handler = function()
                            process.send("room", "log", "")
                            http.response():write(process.inbox():receive():payload():data())
                        end }
                        """)
                .endpoint("client", "GET", "/client", "http, websocket, json", """
                        local http = require("http")
                        local websocket = require("websocket")
                        local json = require("json")
                        return { handler = function()
                            local url = "ws://" .. http.request():host() .. "/ws/room?user=lua"
                            local c, err = websocket.connect(url, { dial_timeout = "5s" })
                            if err then return nil, err end
                            local ch = c:channel()
                            local welcome = ch:receive()
                            c:send("from lua")
                            local echo = ch:receive()
                            local pinged = c:ping()
                            c:close(websocket.CLOSE_CODES.NORMAL, "done")
                            local after, open = ch:receive()
                            local _, late = c:send("late")
                            local _, dial = websocket.connect("ws://127.0.0.1:1/nothing", { dial_timeout = 2000 })
                            http.response():write_json({ welcome = welcome.data, type = welcome.type,
                                echo = json.decode(echo.data).data, pinged = pinged == nil, closed = open == false,
                                late = late == nil and "none" or late:kind(), dial = dial:message(),
                                retryable = dial:retryable() })
                        end }
                        """)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Collects what the server sends: text frames, and the close as {@code close <code> <reason>}. */
    private static final class Frames implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            received.add("close " + code + " " + reason);
            return null;
        }

        String next() throws InterruptedException {
            String s = received.poll(10, TimeUnit.SECONDS);
            assertThat(s).as("a frame within 10 s").isNotNull();
            return s;
        }
    }

    private static WebSocket connect(Frames frames, String query, String origin) throws Exception {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) {
            b.header("Origin", origin);
        }
        return b.buildAsync(URI.create("ws://127.0.0.1:" + app.port() + "/ws/room" + query), frames)
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void clientFramesReachTheTargetAndItsMessagesReachTheClient() throws Exception {
        Frames frames = new Frames();
        WebSocket ws = connect(frames, "?user=ann", "https://chat.example.com");
        assertThat(frames.next()).isEqualTo("{\"topic\":\"welcome\",\"data\":{\"user\":\"ann\"}}");
        ws.sendText("hello", true).get(5, TimeUnit.SECONDS);
        assertThat(frames.next()).isEqualTo("{\"topic\":\"echo\",\"data\":\"HELLO\"}");
        ws.sendText("close please", true).get(5, TimeUnit.SECONDS);
        assertThat(frames.next()).isEqualTo("close 1000 bye");
        Thread.sleep(200);
        assertThat(app.get("/ws/log").body()).contains("ws.join,chat,chat,ws.leave");
    }

    @Test
    void theWebsocketModuleTalksToARelayedConnection() throws Exception {
        var r = app.get("/ws/client");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"welcome\":\"{\\\"topic\\\":\\\"welcome\\\",\\\"data\\\":{\\\"user\\\":\\\"lua\\\"}}\"",
                "\"type\":\"text\"", "\"echo\":\"FROM LUA\"", "\"pinged\":true", "\"closed\":true",
                "\"late\":\"Unavailable\"", "\"dial\":\"failed to dial websocket\"", "\"retryable\":true");
    }

    @Test
    void messagesOverTheLimitCloseTheConnectionWith1009() throws Exception {
        Frames frames = new Frames();
        WebSocket ws = connect(frames, "?user=bob", null);
        assertThat(frames.next()).contains("welcome");
        ws.sendText("x".repeat(40_000), true).get(5, TimeUnit.SECONDS);
        assertThat(frames.next()).startsWith("close 1009");
    }

    @Test
    void foreignOriginsAndPlainRequestsAreRefused() throws Exception {
        assertThatThrownBy(() -> connect(new Frames(), "", "https://evil.com"))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(403));
        var plain = app.get("/ws/room");
        assertThat(plain.statusCode()).isEqualTo(426);
    }
}
