package cn.sh.healthcloud.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.sh.healthcloud.agent.serial.Instrument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigReaderTest {

    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        Path file = dir.resolve("agent.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsAMinimalFileWithItsDefaults() throws Exception {
        AgentConfig config = AgentConfigReader.read(file("""
                {"kioskId": "K-310110-0123", "stationId": "310110-0123",
                 "broker": {"url": "tcp://localhost:1883"},
                 "outbox": {"directory": "outbox"},
                 "printer": {"output": "receipts.txt"}}"""), name -> null);
        assertEquals("healthcloud-agent-K-310110-0123", config.broker().clientId());
        assertEquals(500, config.broker().maxInflight());
        assertEquals(dir.resolve("outbox"), config.outbox().directory(), "relative paths are read from the file's folder");
        assertEquals(dir.resolve("outbox/outbox.key"), config.outbox().keyFile());
        assertEquals(512L * 1024 * 1024, config.outbox().maxBytes());
        assertEquals(Duration.ofSeconds(180), config.sessionIdleTimeout());
        assertEquals(32, config.printer().columns());
        assertEquals("GB18030", config.printer().charset().name());
        assertEquals(List.of(), config.instruments());
        assertEquals(Optional.empty(), config.stationName());
    }

    @Test
    void readsEveryKeyAndTakesSecretsFromTheEnvironment() throws Exception {
        Path trust = Files.write(dir.resolve("trust.p12"), new byte[] {1});
        AgentConfig config = AgentConfigReader.read(file("""
                {"kioskId": "K-310110-0123", "stationId": "310110-0123", "stationName": "定海路智慧健康小屋",
                 "broker": {"url": "ssl://mqtt.example.cn:8883", "clientId": "kiosk-0123", "username": "K-310110-0123",
                            "password": "${MQTT_PASSWORD}", "trustStore": {"path": "trust.p12", "password": "${TRUST}"},
                            "maxInflight": 200},
                 "outbox": {"directory": "/var/lib/agent", "maxBytes": 10485760, "keyFile": "/etc/agent/outbox.key"},
                 "session": {"idleTimeoutSeconds": 120},
                 "printer": {"output": "/dev/null", "columns": 42, "charset": "UTF-8"},
                 "instruments": [{"driver": "bptru", "port": "/dev/ttyUSB0", "baud": 19200, "parity": "even",
                                  "options": {"poll-seconds": 3}}]}"""),
                Map.of("MQTT_PASSWORD", "s3cret", "TRUST", "changeit")::get);
        assertTrue(config.broker().tls());
        assertEquals(Optional.of("s3cret"), config.broker().password());
        assertEquals(trust, config.broker().trustStore().orElseThrow().path());
        assertEquals("changeit", new String(config.broker().trustStore().orElseThrow().password()));
        assertEquals("PKCS12", config.broker().trustStore().orElseThrow().type());
        assertEquals(Path.of("/etc/agent/outbox.key"), config.outbox().keyFile());
        assertEquals(Duration.ofSeconds(120), config.sessionIdleTimeout());
        assertEquals(42, config.printer().columns());
        AgentConfig.InstrumentPort bp = config.instruments().get(0);
        assertEquals(Map.of("poll-seconds", "3"), bp.options());
        assertEquals(new Instrument.LineSettings(19200, 8, "even", 1),
                bp.lineSettings(new Instrument.LineSettings(9600, 8, "none", 1)), "given settings override the driver's");
        assertTrue(!config.broker().toString().contains("s3cret"), "no password in log lines");
    }

    @Test
    void listsEveryProblemAtOnce() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigReader.read(file("""
                {"kioskId": "K 0123", "brokr": {},
                 "broker": {"url": "http://localhost", "password": "${NOT_SET}", "trustStore": {"path": "missing.p12"}},
                 "outbox": {"maxBytes": 10},
                 "session": {"idleTimeoutSeconds": 1},
                 "printer": {"output": "/no/such/folder/receipts.txt", "charset": "KLINGON"},
                 "instruments": [{"driver": "bptru", "port": "/dev/ttyUSB0", "parity": "mark", "stopBits": 3},
                                 {"port": "/dev/ttyUSB0"}]}"""), name -> null));
        List<String> expected = List.of(
                "brokr is not a key of the configuration (misspelt?)",
                "kioskId must be 1-32 letters",
                "stationId is required",
                "broker.url must be tcp://host[:port] or ssl://host[:port]",
                "broker.password refers to the environment variable NOT_SET, which is not set",
                "broker.password needs broker.username",
                "broker.trustStore.path " + dir.resolve("missing.p12") + " is not a readable file",
                "outbox.directory is required",
                "outbox.maxBytes must be a whole number of bytes, at least 1048576",
                "session.idleTimeoutSeconds must be a whole number from 10 to 3600",
                "printer.output: the folder /no/such/folder does not exist",
                "printer.charset KLINGON is not a character set this Java knows",
                "instruments[0].parity must be none, odd or even",
                "instruments[0].stopBits must be a whole number from 1 to 2",
                "instruments[1].driver is required",
                "instruments[1].port /dev/ttyUSB0 is used by an instrument listed before");
        for (String problem : expected) {
            assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(problem)), "missing: " + problem + " in " + e.problems());
        }
    }

    @Test
    void refusesTlsStoresOnAPlainConnectionAndAFileThatIsNotJson() throws Exception {
        Files.write(dir.resolve("client.p12"), new byte[] {1});
        ConfigException tls = assertThrows(ConfigException.class, () -> AgentConfigReader.read(file("""
                {"kioskId": "K-1", "stationId": "S", "broker": {"url": "tcp://localhost:1883",
                 "keyStore": {"path": "client.p12", "type": "PEM"}},
                 "outbox": {"directory": "o"}, "printer": {"output": "p"}}"""), name -> null));
        assertTrue(tls.problems().contains("broker.trustStore and broker.keyStore need an ssl:// broker.url"), tls.problems().toString());
        assertTrue(tls.problems().contains("broker.keyStore.type must be PKCS12 or JKS"), tls.problems().toString());

        ConfigException json = assertThrows(ConfigException.class, () -> AgentConfigReader.read(file("{\"kioskId\": "), name -> null));
        assertTrue(json.problems().get(0).startsWith("cannot be read as JSON"));
    }
}
