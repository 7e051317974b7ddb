package cn.sh.healthcloud.agent.serial;

import static cn.sh.healthcloud.agent.serial.ScriptedLink.concat;
import static cn.sh.healthcloud.agent.serial.ScriptedLink.cut;
import static cn.sh.healthcloud.agent.serial.ScriptedLink.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class IdCardFrameTest {

    @Test
    void commandsAreTheFramesOfDevicesMd() {
        assertArrayEquals(hex("AA AA AA 96 69 00 03 20 01 22"), IdCardFrame.encode(IdCardFrame.FIND));
        assertArrayEquals(hex("AA AA AA 96 69 00 03 20 02 21"), IdCardFrame.encode(IdCardFrame.SELECT));
        assertArrayEquals(hex("AA AA AA 96 69 00 03 30 01 32"), IdCardFrame.encode(IdCardFrame.READ));
    }

    @Test
    void repliesCarryStatusAndTheXorOfLengthAndBody() {
        // Card found: 00 08 | 00 00 9F 00 00 00 00 | 00^08^9F = 97
        assertArrayEquals(hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"), IdCardFrame.reply(IdCardFrame.CARD_FOUND, new byte[4]));
    }

    @Test
    void findsTheNextGoodFrameAfterNoiseAFalsePreambleAndABadChecksum() throws IOException, InterruptedException {
        byte[] good = hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97");
        byte[] bad = hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 98");
        byte[] stream = concat(hex("00 AA AA 96 AA AA AA AA 96"), bad, hex("13 AA"), good);
        ScriptedLink link = new ScriptedLink();
        link.feed(cut(stream, 4, 10, 16, 30));
        LinkReader reader = new LinkReader(link);
        assertArrayEquals(hex("00 00 9F 00 00 00 00"), IdCardFrame.next(reader, LinkReader.deadlineIn(1000)));
        assertNull(IdCardFrame.next(reader, LinkReader.deadlineIn(200)));
    }
}
