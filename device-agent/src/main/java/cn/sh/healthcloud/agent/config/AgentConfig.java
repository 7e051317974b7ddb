package cn.sh.healthcloud.agent.config;

import cn.sh.healthcloud.agent.serial.Instrument;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agent's configuration, validated by {@link AgentConfigReader}; see the README for every key. */
public record AgentConfig(String kioskId, String stationId, Optional<String> stationName, Broker broker,
        Outbox outbox, Duration sessionIdleTimeout, Printer printer, List<InstrumentPort> instruments) {

    /** The MQTT broker: {@code tcp://} or {@code ssl://} URL, credentials and TLS stores. */
    public record Broker(String url, String clientId, Optional<String> username, Optional<String> password,
            Optional<KeyStoreFile> trustStore, Optional<KeyStoreFile> keyStore, int maxInflight) {

        public boolean tls() {
            return url.startsWith("ssl://");
        }

        @Override
        public String toString() {
            return "Broker[" + url + ", clientId=" + clientId + "]";
        }
    }

    /** A Java key store file (PKCS12 or JKS) and its password. */
    public record KeyStoreFile(Path path, char[] password, String type) {
        @Override
        public String toString() {
            return "KeyStoreFile[" + path + ", " + type + "]";
        }
    }

    /** Where the durable outbox lives, how much disk it may use, and the key that seals its payloads. */
    public record Outbox(Path directory, long maxBytes, Path keyFile) {
    }

    /** Where receipts go (a printer device such as /dev/usb/lp0, or a file), appended to. */
    public record Printer(Path output, int columns, Charset charset) {
    }

    /**
     * One instrument: its driver, its serial port, and the line settings that override the
     * driver's defaults (empty = the driver's).
     */
    public record InstrumentPort(String driver, String port, Optional<Integer> baud, Optional<Integer> dataBits,
            Optional<String> parity, Optional<Integer> stopBits, Map<String, String> options) {

        /** The driver's line settings with this port's overrides applied. */
        public Instrument.LineSettings lineSettings(Instrument.LineSettings defaults) {
            return new Instrument.LineSettings(baud.orElse(defaults.baud()), dataBits.orElse(defaults.dataBits()),
                    parity.orElse(defaults.parity()), stopBits.orElse(defaults.stopBits()));
        }

        public String label() {
            return driver + "@" + port;
        }
    }
}
