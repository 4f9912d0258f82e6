package org.eurosec.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the service and its database that a test can break: {@link #down()} cuts
 * every connection and refuses new ones (as a stopped server does), {@link #hang()} keeps
 * connections open but passes nothing (as a server that stopped answering, or a lost network),
 * {@link #pass()} relays again.
 */
final class TcpProxy implements AutoCloseable {

    enum Mode { PASS, DOWN, HANG }

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private volatile Mode mode = Mode.PASS;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    TcpProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "tcp-proxy");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void pass() {
        mode = Mode.PASS;
    }

    void hang() {
        mode = Mode.HANG;
    }

    void down() {
        mode = Mode.DOWN;
        open.forEach(TcpProxy::quietClose);
        open.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (mode == Mode.DOWN) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(host, port);
                open.add(client);
                open.add(server);
                relay(client, server);
                relay(server, client);
            } catch (IOException e) {
                // closed, or the database refused: the client sees its connection end
            }
        }
    }

    private void relay(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    while (mode == Mode.HANG) {
                        Thread.sleep(20); // hold the bytes: nothing gets through
                    }
                    if (mode == Mode.DOWN) {
                        break;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side closed
            } finally {
                quietClose(from);
                quietClose(to);
            }
        }, "tcp-proxy-relay");
        t.setDaemon(true);
        t.start();
    }

    private static void quietClose(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        down();
    }
}
