package cn.sh.healthcloud.agent.simulator;

import cn.sh.healthcloud.agent.serial.Instrument;
import cn.sh.healthcloud.agent.serial.Instruments;
import cn.sh.healthcloud.agent.serial.SerialPortLink;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Emulates one instrument on a serial port, e.g. one end of a {@code socat} pty pair whose other
 * end the agent reads:
 * {@code java -cp device-agent.jar cn.sh.healthcloud.agent.simulator.Simulator --driver bptru --port ports/sim-bp [--option k=v ...]}.
 * The port takes the driver's line settings. Options: see {@link VirtualInstruments}.
 */
public final class Simulator {

    private static final Logger LOG = Logger.getLogger(Simulator.class.getName());

    private Simulator() {
    }

    public static void main(String[] args) throws Exception {
        String driver = null;
        String port = null;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--driver" -> driver = value;
                case "--port" -> port = value;
                case "--option" -> {
                    int equals = value == null ? -1 : value.indexOf('=');
                    if (equals < 1) {
                        usage("--option takes key=value");
                        return;
                    }
                    options.put(value.substring(0, equals), value.substring(equals + 1));
                }
                default -> {
                    usage("unknown argument " + args[i]);
                    return;
                }
            }
            i++;
        }
        if (driver == null || port == null) {
            usage("--driver and --port are required");
            return;
        }
        VirtualInstrument instrument = VirtualInstruments.create(driver, options);
        Instrument.LineSettings settings = Instruments.create(driver, Map.of()).lineSettings();
        try (SerialPortLink link = SerialPortLink.open(port, settings)) {
            LOG.info("simulating " + driver + " on " + port + " at " + settings.baud() + " baud");
            instrument.run(link);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: Simulator --driver tanita|taidoc-td42xx|bptru|id-card-reader --port PATH [--option key=value ...]");
        System.exit(2);
    }
}
