package cn.sh.healthcloud.agent.simulator;

import cn.sh.healthcloud.agent.serial.SerialLink;
import java.io.IOException;

/** The device side of one instrument's protocol: writes its frames and answers the host's commands until interrupted. */
public interface VirtualInstrument {

    void run(SerialLink link) throws IOException, InterruptedException;
}
