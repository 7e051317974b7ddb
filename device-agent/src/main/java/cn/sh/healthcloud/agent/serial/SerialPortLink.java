package cn.sh.healthcloud.agent.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/** A {@link SerialLink} over a real (or pseudo-terminal) serial port, through jSerialComm. */
public final class SerialPortLink implements SerialLink {

    private static final int WRITE_TIMEOUT_MILLIS = 2000;

    private final SerialPort port;
    private final String path;
    private int readTimeoutMillis = -1;

    private SerialPortLink(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    /** Opens {@code path} (a device such as {@code /dev/ttyUSB0}, {@code COM3}, or a symlink to one) without flow control. */
    public static SerialPortLink open(String path, Instrument.LineSettings settings) throws IOException {
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()), parity(settings.parity()));
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + path + " (error " + port.getLastErrorCode() + ")");
        }
        return new SerialPortLink(port, path);
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        // jSerialComm takes 0 as "wait forever": the contract here is "wait at most".
        int timeout = Math.max(1, timeoutMillis);
        if (timeout != readTimeoutMillis) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                    timeout, WRITE_TIMEOUT_MILLIS);
            readTimeoutMillis = timeout;
        }
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw new IOException("serial port " + path + " failed (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IOException("serial port " + path + " wrote " + written + " of " + bytes.length + " bytes");
        }
    }

    @Override
    public void close() {
        port.closePort();
    }

    private static int stopBits(int stopBits) {
        return switch (stopBits) {
            case 1 -> SerialPort.ONE_STOP_BIT;
            case 2 -> SerialPort.TWO_STOP_BITS;
            default -> throw new IllegalArgumentException("stop bits must be 1 or 2, not " + stopBits);
        };
    }

    private static int parity(String parity) {
        return switch (parity) {
            case "none" -> SerialPort.NO_PARITY;
            case "odd" -> SerialPort.ODD_PARITY;
            case "even" -> SerialPort.EVEN_PARITY;
            default -> throw new IllegalArgumentException("parity must be none, odd or even, not " + parity);
        };
    }
}
