package cn.sh.healthcloud.agent.serial;

import static cn.sh.healthcloud.agent.serial.ScriptedLink.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BptruMessageTest {

    @Test
    void crc8MatchesTheCatalogueCheckValue() {
        // CRC-8 (poly 0x07, init 0, no reflection, no xorout): check value of "123456789" is 0xF4.
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xF4, BptruMessage.crc8(check, check.length));
    }

    @Test
    void messagesCarryTheCrcOfTheirFirstFiveBytes() {
        // Values computed independently with a bitwise CRC-8/0x07 in Python.
        assertArrayEquals(hex("11 09 00 00 00 F6"), BptruMessage.encode(0x11, 0x09, 0, 0, 0));
        assertArrayEquals(hex("42 00 94 5C 4E 13"), BptruMessage.encode(0x42, 0, 148, 92, 78));
        assertTrue(BptruMessage.isValid(hex("06 09 00 00 00 ED")));
        assertFalse(BptruMessage.isValid(hex("06 09 00 00 00 EE")));
        assertFalse(BptruMessage.isValid(hex("07 09 00 00 00 ED")), "a byte that is no message id cannot start one");
    }
}
