package cn.sh.healthcloud.agent.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TanitaFrameTest {

    // Checksums computed independently (Python: "%02X" % (sum(text.encode("latin1")) % 256)).
    static final String MC_780 = "{0,16,~0,1,~1,1,~2,1,MO,\"MC-780\",GE,1,AG,45,Hm,170.0,Wk,71.4,FW,27.9,mW,48.8,ww,52.6,IF,9,rB,1580,CS,A9";
    static final String WB_3000 = "{0,16,~0,1,~1,1,~2,1,MO,\"WB-3000\",Hm,168.5,Wk,60.2,MI,21.2,CS,73";
    static final String DC_320_POUNDS = "{0,16,~0,1,~1,1,~2,1,MO,\"DC-320\",Wp,157.4,FW,22.0,mW,115.0,IF,0,rB,6615,CS,6E";

    @Test
    void checksumIsTheByteSumUpToTheCommaBeforeCs() {
        assertEquals("A9", TanitaFrame.checksum(MC_780.substring(0, MC_780.indexOf(",CS,") + 1)));
        assertEquals("73", TanitaFrame.checksum(WB_3000.substring(0, WB_3000.indexOf(",CS,") + 1)));
    }

    @Test
    void decodesKeysAndValuesWithoutQuotes() throws FrameException {
        Map<String, String> fields = TanitaFrame.decode(MC_780);
        assertEquals("MC-780", fields.get("MO"));
        assertEquals("71.4", fields.get("Wk"));
        assertEquals("1580", fields.get("rB"));
        assertEquals("16", fields.get("{0"));
    }

    @Test
    void rejectsAWrongChecksum() {
        FrameException e = assertThrows(FrameException.class, () -> TanitaFrame.decode(MC_780.replace("Wk,71.4", "Wk,77.4")));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertThrows(FrameException.class, () -> TanitaFrame.decode(MC_780.replace(",CS,A9", "")));
    }

    @Test
    void encodeBuildsWhatDecodeAccepts() throws FrameException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Hm", "168.5");
        fields.put("Wk", "60.2");
        fields.put("MI", "21.2");
        String frame = TanitaFrame.encode("WB-3000", fields);
        assertEquals(WB_3000 + "\r\n", frame);
    }

    @Test
    void aCommaInsideQuotesBelongsToTheText() throws FrameException {
        String text = "{0,16,MO,\"A,B\",Wk,50.0,";
        Map<String, String> fields = TanitaFrame.decode(text + "CS," + TanitaFrame.checksum(text));
        assertEquals("A,B", fields.get("MO"));
        assertEquals("50.0", fields.get("Wk"));
    }
}
