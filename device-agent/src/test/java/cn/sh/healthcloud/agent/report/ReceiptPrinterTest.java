package cn.sh.healthcloud.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.sh.healthcloud.agent.config.AgentConfig;
import cn.sh.healthcloud.agent.session.Subject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptPrinterTest {

    @TempDir
    Path dir;

    @Test
    void printsEachSessionsReportOnceWithTheNameFromTheSession() throws Exception {
        Path output = dir.resolve("receipts.txt");
        ReceiptPrinter printer = new ReceiptPrinter(new AgentConfig.Printer(output, 32, StandardCharsets.UTF_8),
                "定海路智慧健康小屋", "K-310110-0123");
        printer.closed(UUID.fromString("5d0a6f0e-8f7c-4f0e-9b0a-2d6c1f0b8a11"),
                new Subject("resident-id-card", "310110195803171238", "张伟"));
        byte[] report = ReportReceiptTest.REPORT.getBytes(StandardCharsets.UTF_8);
        printer.print(report);
        printer.print(report);
        String printed = Files.readString(output);
        assertEquals(1, printed.split("健康自测报告", -1).length - 1, "a redelivered report is not printed twice");
        assertTrue(printed.contains("您好，张*！"));
    }

    @Test
    void writesInThePrintersCharacterSetAndAppends() throws Exception {
        Path output = dir.resolve("lp0");
        Files.writeString(output, "before\n");
        Charset gb18030 = Charset.forName("GB18030");
        ReceiptPrinter printer = new ReceiptPrinter(new AgentConfig.Printer(output, 32, gb18030), "310110-0123", "K-1");
        printer.print(ReportReceiptTest.REPORT.getBytes(StandardCharsets.UTF_8));
        printer.refused("本机待上传数据已满，暂停新的测量。");
        String printed = Files.readString(output, gb18030);
        assertTrue(printed.startsWith("before\n"));
        assertTrue(printed.contains("总体评估：建议就医"));
        assertTrue(printed.contains("本机待上传数据已满"));
    }

    @Test
    void skipsWhatIsNotAReport() throws Exception {
        Path output = dir.resolve("receipts.txt");
        ReceiptPrinter printer = new ReceiptPrinter(new AgentConfig.Printer(output, 32, StandardCharsets.UTF_8), "S", "K-1");
        printer.print("not json".getBytes(StandardCharsets.UTF_8));
        printer.print("{\"level\": \"normal\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(!Files.exists(output));
    }
}
