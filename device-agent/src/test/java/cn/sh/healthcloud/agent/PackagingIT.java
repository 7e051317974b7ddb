package cn.sh.healthcloud.agent;

import static cn.sh.healthcloud.agent.ScaleReadings.missing;
import static cn.sh.healthcloud.agent.ScaleReadings.offer;
import static cn.sh.healthcloud.agent.ScaleReadings.outboxRows;
import static cn.sh.healthcloud.agent.ScaleReadings.weights;
import static cn.sh.healthcloud.agent.ScaleReadings.weightsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk PCs' Debian package (target/healthcloud-agent_&lt;version&gt;_all.deb, built in the
 * package phase by packaging/build-deb.sh): its control fields and contents, its systemd unit
 * checked by systemd-analyze, its maintainer scripts run by dpkg in a scratch root, and the
 * packaged jar run with the unit's own command line and environment and the packaged example
 * configuration (pointed at a Mosquitto of the tests' own, 18834, and socat ports), its outbox in
 * the unit's state directory kept across a kill -9.
 */
class PackagingIT {

    private static final LocalBroker BROKER = new LocalBroker(18834);
    private static final Duration ARRIVAL = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIT = "lib/systemd/system/healthcloud-agent.service";
    private static final String RULES = "lib/udev/rules.d/60-healthcloud-agent.rules";
    private static final String EXAMPLES = "usr/share/healthcloud-agent/examples/";
    private static final String SERVICE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    @TempDir
    Path dir;

    private final List<AutoCloseable> started = new ArrayList<>();

    @BeforeAll
    static void freshBroker() throws Exception {
        BROKER.reset();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        BROKER.stop();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable closeable : started.reversed()) {
            closeable.close();
        }
    }

    @Test
    void controlFieldsNameThePackageItsVersionAndAJava21Runtime() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : run(List.of("dpkg-deb", "--field", deb().toString())).lines().toList()) {
            if (!line.startsWith(" ")) {
                int colon = line.indexOf(':');
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        assertEquals("healthcloud-agent", fields.get("Package"));
        assertEquals(System.getProperty("agent.version").replace('-', '~'), fields.get("Version"));
        assertEquals("all", fields.get("Architecture"));
        assertEquals("openjdk-21-jre-headless | java21-runtime-headless, adduser", fields.get("Depends"));
        assertTrue(fields.get("Installed-Size").matches("\\d+") && Long.parseLong(fields.get("Installed-Size")) > 1_000, fields.toString());
        assertTrue(fields.containsKey("Maintainer") && fields.containsKey("Description"), fields.toString());

        // The maintainer scripts, executable (dpkg-deb --info marks them with *).
        Set<String> scripts = new TreeSet<>();
        Matcher member = Pattern.compile("(?m)^\\s+\\d+ bytes,\\s+\\d+ lines\\s+\\*\\s+(\\S+)").matcher(run(List.of("dpkg-deb", "--info", deb().toString())));
        while (member.find()) {
            scripts.add(member.group(1));
        }
        assertEquals(Set.of("postinst", "postrm", "prerm"), scripts);
    }

    @Test
    void containsTheJarTheUnitTheUdevRulesAndTheExamplesOwnedByRoot() throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String line : run(List.of("dpkg-deb", "--contents", deb().toString())).lines().toList()) {
            String[] columns = line.split("\\s+", 6);
            assertEquals("root/root", columns[1], line);
            if (columns[0].startsWith("-")) {
                files.put(columns[5], columns[0]);
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (String file : List.of("lib/systemd/system/healthcloud-agent.service", "lib/udev/rules.d/60-healthcloud-agent.rules",
                "usr/lib/modules-load.d/healthcloud-agent.conf", "usr/share/doc/healthcloud-agent/README",
                "usr/share/doc/healthcloud-agent/copyright", "usr/share/healthcloud-agent/examples/agent.json",
                "usr/share/healthcloud-agent/examples/credentials.env", "usr/share/healthcloud-agent/healthcloud-agent.jar")) {
            expected.put("./" + file, "-rw-r--r--");
        }
        assertEquals(expected, files, "nothing under /etc or /var: the configuration is the admin's, the state the agent's");

        Path root = extract();
        assertEquals(-1, Files.mismatch(ProjectFiles.agentJar(), root.resolve("usr/share/healthcloud-agent/healthcloud-agent.jar")),
                "the packaged jar is the one just built");
    }

    @Test
    void theUnitPassesSystemdAnalyzeVerifyAndItsSecurityReview() throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed (apt-get install systemd): the unit is not checked");
        Path unit = Files.createDirectories(dir.resolve("unit")).resolve("healthcloud-agent.service");
        String text = Files.readString(extract().resolve(UNIT));
        if (!Files.isExecutable(Path.of("/usr/bin/java"))) {
            // verify checks that ExecStart's program exists; the JRE the package depends on is not installed here.
            text = text.replace("ExecStart=/usr/bin/java ", "ExecStart=" + ProjectFiles.java() + " ");
        }
        Files.writeString(unit, text);

        Result verify = execute(List.of("systemd-analyze", "verify", unit.toString()), null, Duration.ofSeconds(60));
        assertEquals(0, verify.exit(), verify.output());
        assertEquals("", verify.output().strip(), "any warning (a misspelt key, a value systemd ignores) fails");

        String version = run(List.of("systemd-analyze", "--version")).lines().findFirst().orElse("");
        Matcher number = Pattern.compile("systemd (\\d+)").matcher(version);
        assumeTrue(number.find() && Integer.parseInt(number.group(1)) >= 250, "security --offline needs systemd 250: " + version);
        // Exposure from 0.0 (locked down) to 10.0 (unprotected): the unit scores 3.0 ("OK") with systemd
        // 252; without ProtectHome, ProtectKernelTunables, RestrictNamespaces and the empty capability
        // set it scores 6.2. Over 3.3 fails.
        Result security = execute(List.of("systemd-analyze", "security", "--offline=yes", "--threshold=33", "--no-pager", unit.toString()),
                null, Duration.ofSeconds(60));
        assertEquals(0, security.exit(), security.output());
    }

    @Test
    void dpkgInstallsItIntoAScratchRootKeepsTheConfigurationOnUpgradeAndRemovalAndPurgeDeletesTheOutbox() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "dpkg --root needs root to give files their owners");
        Path root = dir.resolve("root");
        for (String admin : List.of("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers")) {
            Files.createDirectories(root.resolve(admin));
        }
        Files.createFile(root.resolve("var/lib/dpkg/status"));
        // Commands the maintainer scripts call that would change this machine record their calls
        // instead; deb-systemd-helper is the real one where it honours DPKG_ROOT (init-system-helpers 1.61+).
        Path stubs = Files.createDirectories(dir.resolve("stubs"));
        Path calls = dir.resolve("calls.log");
        boolean realHelper = Files.isExecutable(Path.of("/usr/bin/deb-systemd-helper"))
                && Files.readString(Path.of("/usr/bin/deb-systemd-helper"), StandardCharsets.ISO_8859_1).contains("DPKG_ROOT");
        List<String> stubbed = new ArrayList<>(List.of("adduser", "udevadm", "modprobe", "systemctl", "deb-systemd-invoke"));
        if (!realHelper) {
            stubbed.add("deb-systemd-helper");
        }
        for (String command : stubbed) {
            Path stub = stubs.resolve(command);
            Files.writeString(stub, "#!/bin/sh\necho \"" + command + " $*\" >> '" + calls + "'\n");
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.put("PATH", stubs + ":" + SERVICE_PATH);
        List<String> dpkg = List.of("dpkg", "--root=" + root, "--force-script-chrootless", "--force-depends", "--log=/dev/null");

        install(dpkg, environment);
        String recorded = Files.readString(calls);
        assertTrue(recorded.contains("adduser --system --group --no-create-home --home /nonexistent healthcloud-agent\n"), recorded);
        assertTrue(recorded.contains("adduser healthcloud-agent dialout\n"), recorded);
        assertTrue(recorded.contains("adduser healthcloud-agent lp\n"), recorded);
        Path wants = root.resolve("etc/systemd/system/multi-user.target.wants/healthcloud-agent.service");
        if (realHelper) {
            assertEquals(Path.of("/lib/systemd/system/healthcloud-agent.service"), Files.readSymbolicLink(wants), "enabled");
        } else {
            assertTrue(recorded.contains("deb-systemd-helper enable healthcloud-agent.service"), recorded);
        }
        assertTrue(Files.isRegularFile(root.resolve("usr/share/healthcloud-agent/healthcloud-agent.jar")));
        Path credentials = root.resolve("etc/healthcloud-agent/credentials.env");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)), "credentials are root's alone");
        assertEquals(0, Files.getAttribute(credentials, "unix:uid"));
        assertEquals(Files.readString(root.resolve(EXAMPLES + "credentials.env")), Files.readString(credentials));

        // The kiosk in use: configured, a password set, readings in the outbox. Then an upgrade keeps all of it.
        Files.writeString(credentials, "AGENT_MQTT_PASSWORD=kept-across-upgrades\n");
        Files.copy(root.resolve(EXAMPLES + "agent.json"), root.resolve("etc/healthcloud-agent/agent.json"));
        Path outbox = Files.createDirectories(root.resolve("var/lib/healthcloud-agent/outbox")).resolve("outbox.db");
        Files.writeString(outbox, "readings not yet delivered");
        install(dpkg, environment);
        assertEquals("AGENT_MQTT_PASSWORD=kept-across-upgrades\n", Files.readString(credentials));
        assertTrue(Files.exists(root.resolve("etc/healthcloud-agent/agent.json")) && Files.exists(outbox));

        Result remove = execute(concat(dpkg, "--remove", "healthcloud-agent"), environment, Duration.ofSeconds(120));
        assertEquals(0, remove.exit(), remove.output());
        assertFalse(Files.exists(root.resolve("usr/share/healthcloud-agent/healthcloud-agent.jar")));
        assertFalse(Files.exists(root.resolve(UNIT)));
        assertTrue(Files.exists(credentials) && Files.exists(outbox), "remove keeps the configuration and the outbox");

        Result purge = execute(concat(dpkg, "--purge", "healthcloud-agent"), environment, Duration.ofSeconds(120));
        assertEquals(0, purge.exit(), purge.output());
        assertFalse(Files.exists(root.resolve("var/lib/healthcloud-agent")), "purge deletes the state directory");
        assertFalse(Files.exists(root.resolve("etc/healthcloud-agent")), "and the configuration");
        if (realHelper) {
            assertFalse(Files.exists(wants, LinkOption.NOFOLLOW_LINKS), "and the enablement");
            assertFalse(Files.exists(root.resolve("etc/systemd/system/healthcloud-agent.service"), LinkOption.NOFOLLOW_LINKS),
                    "and the mask that remove set");
        }
        assertFalse(Files.readString(root.resolve("var/lib/dpkg/status")).contains("Package: healthcloud-agent\n"));
    }

    @Test
    void thePackagedAgentRunsAsItsUnitSaysWithItsOutboxInTheStateDirectoryKeptAcrossKill9() throws Exception {
        Path root = extract();
        UnitFile unit = UnitFile.read(root.resolve(UNIT));
        assertEquals("always", unit.one("Service", "Restart"), "systemd starts it again whatever ended it");
        String stateDirectory = "/var/lib/" + unit.one("Service", "StateDirectory");
        String configurationDirectory = "/etc/" + unit.one("Service", "ConfigurationDirectory");

        // The example: a real kiosk's configuration, secrets named, never written in it.
        String exampleText = Files.readString(root.resolve(EXAMPLES + "agent.json"));
        ObjectNode config = (ObjectNode) JSON.readTree(exampleText);
        assertTrue(config.at("/broker/url").asText().startsWith("ssl://"), "the cloud's broker is reached over TLS");
        assertEquals("${AGENT_MQTT_PASSWORD}", config.at("/broker/password").asText());
        assertTrue(config.at("/outbox/directory").asText().startsWith(stateDirectory + "/"), "the outbox is in the unit's state directory");
        Map<String, String> credentialsExample = environmentFile(root.resolve(EXAMPLES + "credentials.env"));
        Matcher named = Pattern.compile("\\$\\{(\\w+)}").matcher(exampleText);
        while (named.find()) {
            assertTrue(credentialsExample.containsKey(named.group(1)), named.group(1) + " is in the credentials example");
        }
        String rules = Files.readString(root.resolve(RULES));
        List<String> devices = new ArrayList<>(List.of(config.at("/printer/output").asText()));
        config.get("instruments").forEach(instrument -> devices.add(instrument.get("port").asText()));
        for (String device : devices) {
            assertTrue(device.startsWith("/dev/healthcloud/") && rules.contains("SYMLINK+=\"" + device.substring(5) + "\""),
                    device + " is a name the udev rules give");
        }

        // What the operator does (README): the configuration in the unit's configuration directory,
        // pointed here at the tests' broker and socat ports; the password in the credentials file.
        String kioskId = "K-PKG-" + UUID.randomUUID().toString().substring(0, 8);
        config.put("kioskId", kioskId);
        ObjectNode broker = (ObjectNode) config.get("broker");
        broker.put("url", BROKER.url()).put("username", kioskId).remove("trustStore");
        ((ObjectNode) config.get("printer")).put("output", dir.resolve("receipts.txt").toString());
        Map<String, VirtualSerialPair> ports = new LinkedHashMap<>();
        for (JsonNode instrument : config.get("instruments")) {
            String name = Path.of(instrument.get("port").asText()).getFileName().toString();
            VirtualSerialPair pair = new VirtualSerialPair(dir.resolve("agent-" + name), dir.resolve(name));
            pair.start();
            started.add(pair);
            ports.put(instrument.get("driver").asText(), pair);
            ((ObjectNode) instrument).put("port", pair.agentEnd().toString());
        }
        Path outboxDirectory = inRoot(root, config.at("/outbox/directory").asText());
        ((ObjectNode) config.get("outbox")).put("directory", outboxDirectory.toString());
        Path configFile = Files.createDirectories(inRoot(root, configurationDirectory)).resolve("agent.json");
        Files.writeString(configFile, JSON.writeValueAsString(config));
        String password = "pw-" + UUID.randomUUID();
        Path credentials = inRoot(root, unit.one("Service", "EnvironmentFile").replaceFirst("^-", ""));
        Files.writeString(credentials, Files.readString(root.resolve(EXAMPLES + "credentials.env"))
                .replace("AGENT_MQTT_PASSWORD=change-me", "AGENT_MQTT_PASSWORD=" + password));
        // What systemd does: the state directory (0700), the environment of the unit, then its command line.
        Path state = inRoot(root, stateDirectory);
        Files.createDirectories(state, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Map<String, String> environment = serviceEnvironment(unit, root, state, credentials);
        List<String> command = commandLine(unit, environment, root);
        assertEquals(configFile.toString(), command.getLast(), "the unit runs the agent on " + configurationDirectory + "/agent.json");

        BROKER.start();
        try (BrokerWatcher watcher = new BrokerWatcher(BROKER, kioskId)) {
            Path log = dir.resolve("agent.log");
            AgentProcess agent = new AgentProcess(command, environment, log).start();
            started.add(agent);
            Await.until(ARRIVAL, () -> text(log).contains("Connected to the broker"), () -> text(log));
            VirtualSerialPair scale = ports.get("tanita");
            offer(scale, 0, 5);
            Await.until(ARRIVAL, () -> weightsOf(watcher.of("readings")).equals(weights(0, 5)), () -> watcher.all().toString());
            Path outbox = outboxDirectory.resolve("outbox.db");
            assertTrue(Files.exists(outbox), "the outbox is where the packaged configuration says, in the state directory");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(outboxDirectory)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(outboxDirectory.resolve("outbox.key"))));

            // Readings taken while the broker is away, then kill -9 (a crash, or systemd's SIGKILL
            // after TimeoutStopSec): the restarted agent finds them in the state directory.
            BROKER.stop();
            offer(scale, 5, 15);
            Await.until(ARRIVAL, () -> outboxRows(outbox) == 2 * 10, () -> outboxRows(outbox) + " rows in the outbox");
            agent.kill();
            assertEquals(20, outboxRows(outbox), "kill -9 lost nothing stored");
            for (VirtualSerialPair pair : ports.values()) {
                pair.restartIfGone();
            }
            AgentProcess restarted = new AgentProcess(command, environment, log).start();
            started.add(restarted);
            Await.until(ARRIVAL, () -> text(log).contains(": 20 messages waiting"), () -> text(log));
            BROKER.start();
            Await.until(ARRIVAL, () -> weightsOf(watcher.of("readings")).equals(weights(0, 15)),
                    () -> "missing " + missing(weights(0, 15), weightsOf(watcher.of("readings"))));
            Await.until(ARRIVAL, () -> outboxRows(outbox) == 0, () -> outboxRows(outbox) + " rows left in the outbox");

            // systemctl stop: SIGTERM, a clean exit well within TimeoutStopSec, one systemd counts as success.
            long stopping = System.nanoTime();
            int exit = restarted.stop();
            Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);
            assertTrue(exit == 0 || successExitStatuses(unit).contains(exit), "exit status " + exit + " after SIGTERM is a success");
            assertTrue(stopped.compareTo(seconds(unit.one("Service", "TimeoutStopSec")).dividedBy(2)) < 0, "stopped in " + stopped);
            Await.until(ARRIVAL, () -> watcher.of("status").stream().map(s -> s.get("state").asText()).toList().getLast().equals("offline"),
                    () -> watcher.of("status").toString());
        }
        String logText = text(dir.resolve("agent.log"));
        assertFalse(logText.contains(password), "the password never reaches the journal");
        assertTrue(logText.contains("<6>[cn.sh.healthcloud.agent."), "log lines carry their syslog priority for journald: " + logText);
        assertTrue(logText.endsWith("<6>[cn.sh.healthcloud.agent.DeviceAgent] Stopped\n"), "the clean stop is logged to its end: " + logText);
        assertFalse(logText.lines().anyMatch(line -> line.matches("^\\d{4}-\\d\\d-\\d\\d .*")), "and no time stamp of their own");
    }

    // --- the package ---

    private static Path deb() {
        String version = System.getProperty("agent.version");
        Path deb = Path.of(System.getProperty("agent.packages"), "healthcloud-agent_" + version.replace('-', '~') + "_all.deb");
        if (!Files.exists(deb)) {
            throw new AssertionError(deb + " is missing: mvn package builds it with packaging/build-deb.sh (dpkg-deb needed)");
        }
        return deb;
    }

    private Path extract() throws Exception {
        Path root = dir.resolve("extracted");
        if (!Files.exists(root)) {
            run(List.of("dpkg-deb", "-x", deb().toString(), root.toString()));
        }
        return root;
    }

    private void install(List<String> dpkg, Map<String, String> environment) throws Exception {
        Result install = execute(concat(dpkg, "--install", deb().toString()), environment, Duration.ofSeconds(120));
        assertEquals(0, install.exit(), install.output());
    }

    private static Path inRoot(Path root, String absolute) {
        assertTrue(absolute.startsWith("/"), absolute);
        return root.resolve(absolute.substring(1));
    }

    // --- what systemd makes of the unit ---

    /** The unit's keys by section (values in order; a key given again adds a value). */
    private record UnitFile(Map<String, List<String>> entries) {

        static UnitFile read(Path file) throws IOException {
            Map<String, List<String>> entries = new LinkedHashMap<>();
            String section = "";
            for (String raw : Files.readAllLines(file)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    section = line.substring(1, line.indexOf(']'));
                    continue;
                }
                int equals = line.indexOf('=');
                entries.computeIfAbsent(section + "." + line.substring(0, equals).strip(), k -> new ArrayList<>())
                        .add(line.substring(equals + 1).strip());
            }
            return new UnitFile(entries);
        }

        List<String> all(String section, String key) {
            return entries.getOrDefault(section + "." + key, List.of());
        }

        String one(String section, String key) {
            List<String> values = all(section, key);
            assertEquals(1, values.size(), "[" + section + "] " + key + "= given once: " + values);
            return values.getFirst();
        }
    }

    /** As systemd sets it for the service: its user's basics, the directories, Environment=, then EnvironmentFile=. */
    private static Map<String, String> serviceEnvironment(UnitFile unit, Path root, Path state, Path credentials) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", SERVICE_PATH);
        environment.put("HOME", "/nonexistent");
        environment.put("USER", unit.one("Service", "User"));
        environment.put("LOGNAME", unit.one("Service", "User"));
        environment.put("SHELL", "/usr/sbin/nologin");
        environment.put("STATE_DIRECTORY", state.toString());
        environment.put("CONFIGURATION_DIRECTORY", inRoot(root, "/etc/" + unit.one("Service", "ConfigurationDirectory")).toString());
        for (String value : unit.all("Service", "Environment")) {
            List<String> assignments = value.startsWith("\"") ? List.of(value.substring(1, value.length() - 1)) : List.of(value.split("\\s+"));
            for (String assignment : assignments) {
                int equals = assignment.indexOf('=');
                environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
            }
        }
        environment.putAll(environmentFile(credentials));
        return environment;
    }

    /** KEY=VALUE lines; # and ; start comments (systemd's EnvironmentFile=, without quotes). */
    private static Map<String, String> environmentFile(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String assignment = line.strip();
            if (!assignment.isEmpty() && !assignment.startsWith("#") && !assignment.startsWith(";")) {
                int equals = assignment.indexOf('=');
                values.put(assignment.substring(0, equals).strip(), assignment.substring(equals + 1).strip());
            }
        }
        return values;
    }

    /** ExecStart as systemd runs it: $NAME split into words, ${NAME} one word; /usr/bin/java is this JDK, other paths in the root. */
    private static List<String> commandLine(UnitFile unit, Map<String, String> environment, Path root) {
        String execStart = unit.one("Service", "ExecStart");
        assertTrue(execStart.startsWith("/usr/bin/java "), execStart);
        List<String> command = new ArrayList<>();
        for (String word : execStart.split("\\s+")) {
            if (word.matches("\\$\\w+")) {
                command.addAll(List.of(environment.get(word.substring(1)).strip().split("\\s+")));
            } else if (word.matches("\\$\\{\\w+}")) {
                command.add(environment.get(word.substring(2, word.length() - 1)));
            } else if (word.equals("/usr/bin/java")) {
                command.add(ProjectFiles.java());
            } else if (word.startsWith("/")) {
                command.add(inRoot(root, word).toString());
            } else {
                command.add(word);
            }
        }
        return command;
    }

    private static Set<Integer> successExitStatuses(UnitFile unit) {
        return unit.all("Service", "SuccessExitStatus").stream().flatMap(v -> List.of(v.split("\\s+")).stream())
                .filter(v -> v.matches("\\d+")).map(Integer::valueOf).collect(Collectors.toSet());
    }

    private static Duration seconds(String timeSpan) {
        Matcher span = Pattern.compile("(\\d+)(s|min)?").matcher(timeSpan);
        assertTrue(span.matches(), timeSpan);
        return "min".equals(span.group(2)) ? Duration.ofMinutes(Long.parseLong(span.group(1))) : Duration.ofSeconds(Long.parseLong(span.group(1)));
    }

    // --- commands ---

    private record Result(int exit, String output) {
    }

    private String run(List<String> command) throws Exception {
        Result result = execute(command, null, Duration.ofSeconds(120));
        assertEquals(0, result.exit(), String.join(" ", command) + ": " + result.output());
        return result.output();
    }

    private Result execute(List<String> command, Map<String, String> environment, Duration timeout) throws Exception {
        Path output = Files.createTempFile(dir, "command", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private static boolean onPath(String program) {
        return List.of(SERVICE_PATH.split(":")).stream().anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static String text(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
