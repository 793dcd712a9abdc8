package dev.wippy.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate process holding many idle connections to a server (the test JVM would run out of file descriptors
 * holding both ends): connects, prints {@code ready N}, and keeps them open until its standard input closes.
 */
public final class IdleClients {
    private IdleClients() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        List<Socket> sockets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sockets.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        System.out.println("ready " + sockets.size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // holds the connections until the test closes our input
        }
        for (Socket s : sockets) {
            s.close();
        }
    }
}
