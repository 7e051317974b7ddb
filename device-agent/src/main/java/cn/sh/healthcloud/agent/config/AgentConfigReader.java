package cn.sh.healthcloud.agent.config;

import cn.sh.healthcloud.agent.config.AgentConfig.InstrumentPort;
import cn.sh.healthcloud.agent.config.AgentConfig.KeyStoreFile;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the agent's JSON configuration file and checks it whole, so a kiosk installer sees every
 * mistake at once. A string value {@code ${NAME}} is taken from the environment variable NAME
 * (how passwords stay out of the file). Unknown keys are mistakes (a misspelt key would otherwise
 * silently fall back to its default).
 */
public final class AgentConfigReader {

    static final long DEFAULT_OUTBOX_BYTES = 512L * 1024 * 1024;
    static final int DEFAULT_IDLE_SECONDS = 180;
    static final int DEFAULT_MAX_INFLIGHT = 500;
    static final int DEFAULT_COLUMNS = 32;
    static final String DEFAULT_CHARSET = "GB18030";

    private static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    private static final Pattern ENVIRONMENT = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> PARITIES = Set.of("none", "odd", "even");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Function<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    private AgentConfigReader(Function<String, String> environment) {
        this.environment = environment;
    }

    public static AgentConfig read(Path file) throws ConfigException {
        return read(file, System::getenv);
    }

    static AgentConfig read(Path file, Function<String, String> environment) throws ConfigException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot be read as JSON: " + e.getMessage()));
        }
        AgentConfigReader reader = new AgentConfigReader(environment);
        AgentConfig config = reader.config(root, file.toAbsolutePath().getParent());
        if (!reader.problems.isEmpty()) {
            throw new ConfigException(file.toString(), reader.problems);
        }
        return config;
    }

    private AgentConfig config(JsonNode root, Path base) {
        if (root == null || !root.isObject()) {
            problems.add("the file must hold one JSON object");
            return null;
        }
        known(root, "", "kioskId", "stationId", "stationName", "broker", "outbox", "session", "printer", "instruments");
        String kioskId = text(root, "", "kioskId").orElse(null);
        if (kioskId == null) {
            problems.add("kioskId is required (the id the service registered, e.g. K-310110-0123)");
        } else if (!KIOSK_ID.matcher(kioskId).matches()) {
            problems.add("kioskId must be 1-32 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String stationId = text(root, "", "stationId").orElse(null);
        if (stationId == null) {
            problems.add("stationId is required (the station the kiosk stands at, e.g. 310110-0123)");
        }
        AgentConfig.Broker broker = broker(object(root, "broker", true), kioskId, base);
        AgentConfig.Outbox outbox = outbox(object(root, "outbox", true), base);
        JsonNode session = object(root, "session", false);
        known(session, "session.", "idleTimeoutSeconds");
        int idle = integer(session, "idleTimeoutSeconds", "session.", 10, 3600).orElse(DEFAULT_IDLE_SECONDS);
        AgentConfig.Printer printer = printer(object(root, "printer", true), base);
        List<InstrumentPort> instruments = instruments(root.get("instruments"));
        return new AgentConfig(kioskId, stationId, text(root, "", "stationName"), broker, outbox, Duration.ofSeconds(idle),
                printer, instruments);
    }

    private AgentConfig.Broker broker(JsonNode node, String kioskId, Path base) {
        known(node, "broker.", "url", "clientId", "username", "password", "trustStore", "keyStore", "maxInflight");
        String url = text(node, "broker.", "url").orElse(null);
        if (url == null) {
            problems.add("broker.url is required, e.g. tcp://localhost:1883 or ssl://mqtt.example.cn:8883");
        } else if (!url.matches("(tcp|ssl)://[^/:]+(:\\d{1,5})?")) {
            problems.add("broker.url must be tcp://host[:port] or ssl://host[:port]");
        }
        String clientId = text(node, "broker.", "clientId").orElse(kioskId == null ? null : "healthcloud-agent-" + kioskId);
        if (clientId != null && clientId.length() > 64) {
            problems.add("broker.clientId must have at most 64 characters");
        }
        Optional<String> username = text(node, "broker.", "username");
        Optional<String> password = text(node, "broker.", "password");
        if (password.isPresent() && username.isEmpty()) {
            problems.add("broker.password needs broker.username");
        }
        Optional<KeyStoreFile> trustStore = keyStore(node, "trustStore", base);
        Optional<KeyStoreFile> keyStore = keyStore(node, "keyStore", base);
        if (url != null && url.startsWith("tcp://") && (trustStore.isPresent() || keyStore.isPresent())) {
            problems.add("broker.trustStore and broker.keyStore need an ssl:// broker.url");
        }
        int maxInflight = integer(node, "maxInflight", "broker.", 1, 65535).orElse(DEFAULT_MAX_INFLIGHT);
        return new AgentConfig.Broker(url, clientId, username, password, trustStore, keyStore, maxInflight);
    }

    private Optional<KeyStoreFile> keyStore(JsonNode broker, String key, Path base) {
        JsonNode node = object(broker, key, false);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        String prefix = "broker." + key + ".";
        known(node, prefix, "path", "password", "type");
        Optional<Path> path = existingFile(node, "path", prefix, base);
        if (!node.has("path")) {
            problems.add(prefix + "path is required");
        }
        String password = text(node, prefix, "password").orElse("");
        String type = text(node, prefix, "type").orElse("PKCS12");
        if (!Set.of("PKCS12", "JKS").contains(type)) {
            problems.add(prefix + "type must be PKCS12 or JKS");
        }
        return path.map(p -> new KeyStoreFile(p, password.toCharArray(), type));
    }

    private AgentConfig.Outbox outbox(JsonNode node, Path base) {
        known(node, "outbox.", "directory", "maxBytes", "keyFile");
        Path directory = text(node, "outbox.", "directory").map(d -> base.resolve(d).normalize()).orElse(null);
        if (directory == null) {
            problems.add("outbox.directory is required (a folder on the kiosk's disk, kept across restarts)");
        } else if (Files.exists(directory) && !Files.isDirectory(directory)) {
            problems.add("outbox.directory " + directory + " is not a folder");
        }
        long maxBytes = DEFAULT_OUTBOX_BYTES;
        JsonNode bytes = node.get("maxBytes");
        if (bytes != null) {
            if (!bytes.canConvertToLong() || bytes.asLong() < 1024 * 1024) {
                problems.add("outbox.maxBytes must be a whole number of bytes, at least 1048576 (1 MiB)");
            } else {
                maxBytes = bytes.asLong();
            }
        }
        Path keyFile = text(node, "outbox.", "keyFile").map(k -> base.resolve(k).normalize())
                .orElse(directory == null ? null : directory.resolve("outbox.key"));
        return new AgentConfig.Outbox(directory, maxBytes, keyFile);
    }

    private AgentConfig.Printer printer(JsonNode node, Path base) {
        known(node, "printer.", "output", "columns", "charset");
        Path output = text(node, "printer.", "output").map(o -> base.resolve(o).normalize()).orElse(null);
        if (output == null) {
            problems.add("printer.output is required (a printer device such as /dev/usb/lp0, or a file)");
        } else if (output.getParent() != null && !Files.isDirectory(output.getParent())) {
            problems.add("printer.output: the folder " + output.getParent() + " does not exist");
        }
        int columns = integer(node, "columns", "printer.", 16, 80).orElse(DEFAULT_COLUMNS);
        Charset charset = null;
        String charsetName = text(node, "printer.", "charset").orElse(DEFAULT_CHARSET);
        try {
            charset = Charset.forName(charsetName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            problems.add("printer.charset " + charsetName + " is not a character set this Java knows");
        }
        return new AgentConfig.Printer(output, columns, charset);
    }

    private List<InstrumentPort> instruments(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add("instruments must be a list");
            return List.of();
        }
        List<InstrumentPort> instruments = new ArrayList<>();
        Set<String> ports = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String prefix = "instruments[" + i + "].";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                problems.add("instruments[" + i + "] must be an object");
                continue;
            }
            known(item, prefix, "driver", "port", "baud", "dataBits", "parity", "stopBits", "options");
            String driver = text(item, prefix, "driver").orElse(null);
            String port = text(item, prefix, "port").orElse(null);
            if (driver == null) {
                problems.add(prefix + "driver is required: tanita, taidoc-td42xx, bptru or id-card-reader");
            }
            if (port == null) {
                problems.add(prefix + "port is required, e.g. /dev/ttyUSB0 or COM3");
            } else if (!ports.add(port)) {
                problems.add(prefix + "port " + port + " is used by an instrument listed before");
            }
            Optional<Integer> baud = integer(item, "baud", prefix, 300, 921600);
            Optional<Integer> dataBits = integer(item, "dataBits", prefix, 5, 8);
            Optional<String> parity = text(item, prefix, "parity");
            if (parity.isPresent() && !PARITIES.contains(parity.get())) {
                problems.add(prefix + "parity must be none, odd or even");
            }
            Optional<Integer> stopBits = integer(item, "stopBits", prefix, 1, 2);
            Map<String, String> options = new LinkedHashMap<>();
            JsonNode optionNode = object(item, "options", false);
            optionNode.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    options.put(e.getKey(), resolve(e.getValue().asText(), prefix + "options." + e.getKey()));
                } else {
                    problems.add(prefix + "options." + e.getKey() + " must be text or a number");
                }
            });
            instruments.add(new InstrumentPort(driver, port, baud, dataBits, parity, stopBits, Map.copyOf(options)));
        }
        return List.copyOf(instruments);
    }

    private void known(JsonNode node, String prefix, String... keys) {
        Set<String> allowed = Set.of(keys);
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(prefix + name + " is not a key of the configuration (misspelt?)");
            }
        }
    }

    /** A nested object; an empty one when absent, so its keys fall back to their defaults. */
    private JsonNode object(JsonNode parent, String key, boolean required) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(key + " is required");
            }
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            problems.add(key + " must be an object");
            return JSON.createObjectNode();
        }
        return node;
    }

    private Optional<String> text(JsonNode node, String prefix, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(prefix + key + " must be non-empty text");
            return Optional.empty();
        }
        return Optional.ofNullable(resolve(value.asText().strip(), prefix + key));
    }

    private Optional<Integer> integer(JsonNode node, String key, String prefix, int min, int max) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isInt() || value.asInt() < min || value.asInt() > max) {
            problems.add(prefix + key + " must be a whole number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(value.asInt());
    }

    private Optional<Path> existingFile(JsonNode node, String key, String prefix, Path base) {
        Optional<Path> path = text(node, prefix, key).map(p -> base.resolve(p).normalize());
        if (path.isPresent() && !Files.isReadable(path.get())) {
            problems.add(prefix + key + " " + path.get() + " is not a readable file");
            return Optional.empty();
        }
        return path;
    }

    /** Replaces ${NAME} with the environment variable; a missing one is a problem, never an empty secret. */
    private String resolve(String value, String key) {
        Matcher matcher = ENVIRONMENT.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String variable = environment.apply(matcher.group(1));
            if (variable == null) {
                problems.add(key + " refers to the environment variable " + matcher.group(1) + ", which is not set");
                variable = "";
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(variable));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
