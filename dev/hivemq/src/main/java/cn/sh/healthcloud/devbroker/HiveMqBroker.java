package cn.sh.healthcloud.devbroker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs HiveMQ CE on 127.0.0.1:PORT with its state in DIR until the process is stopped.
 * Usage: {@code HiveMqBroker PORT DIR}.
 */
public final class HiveMqBroker {

    private HiveMqBroker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: HiveMqBroker PORT DIR");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("extensions"));
        String template;
        try (var in = HiveMqBroker.class.getResourceAsStream("/hivemq-config.xml")) {
            template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Files.writeString(conf.resolve("config.xml"), template.replace("@PORT@", String.valueOf(port)));

        EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(dir.resolve("data")))
                .withExtensionsFolder(dir.resolve("extensions"))
                .build();
        // A graceful stop (SIGTERM) closes the listeners and clients cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> broker.stop().join()));
        broker.start().join();
        System.out.println("HiveMQ listening on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
