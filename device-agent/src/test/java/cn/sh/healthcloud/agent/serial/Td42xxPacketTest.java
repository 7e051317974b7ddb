package cn.sh.healthcloud.agent.serial;

import static cn.sh.healthcloud.agent.serial.ScriptedLink.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class Td42xxPacketTest {

    @Test
    void checksumIsTheLowByteOfTheSumOfTheFirstSeven() {
        // 0x51 + 0x22 + 0xA3 = 0x116
        assertArrayEquals(hex("51 22 00 00 00 00 A3 16"), Td42xxPacket.encode(0x22, new byte[4], Td42xxPacket.HOST_TO_METER));
        // 0x51 + 0x26 + 0x7E + 0x40 + 0xA5 = 0x1DA
        assertEquals(0xDA, Td42xxPacket.checksum(hex("51 26 7E 00 00 40 A5 00")));
    }

    @Test
    void validityChecksDirectionAndChecksum() {
        assertTrue(Td42xxPacket.isValid(hex("51 22 00 00 00 00 A3 16"), Td42xxPacket.HOST_TO_METER));
        assertFalse(Td42xxPacket.isValid(hex("51 22 00 00 00 00 A3 16"), Td42xxPacket.METER_TO_HOST));
        assertFalse(Td42xxPacket.isValid(hex("51 22 00 00 00 00 A3 17"), Td42xxPacket.HOST_TO_METER));
    }

    @Test
    void timePacksYearMonthDayInALittleEndianWordThenMinuteThenHour() throws FrameException {
        // 2024-05-17: (24 << 9) | (5 << 5) | 17 = 0x30B1, sent B1 30; 14:30 sent as 1E 0E.
        byte[] packet = hex("51 25 B1 30 1E 0E A5 00");
        assertEquals(LocalDateTime.of(2024, 5, 17, 14, 30), Td42xxPacket.decodeTime(packet));
        assertArrayEquals(hex("B1 30 1E 0E"), Td42xxPacket.encodeTime(LocalDateTime.of(2024, 5, 17, 14, 30)));
        // December 31st, 2099, 23:59: every field at its widest.
        byte[] latest = Td42xxPacket.encodeTime(LocalDateTime.of(2099, 12, 31, 23, 59));
        assertArrayEquals(hex("9F C7 3B 17"), latest);
    }

    @Test
    void anImpossibleDateIsAFrameError() {
        // month 0
        assertThrows(FrameException.class, () -> Td42xxPacket.decodeTime(hex("51 25 01 30 00 00 A5 00")));
    }
}
