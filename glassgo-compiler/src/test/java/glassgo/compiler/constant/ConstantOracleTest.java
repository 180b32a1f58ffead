// Compares glassgo's Constant with Go's own go/constant, case by case.
package glassgo.compiler.constant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import glassgo.compiler.syntax.Token;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each case is a line {@code show|bin|shift|unary} with operands {@code KIND:"literal"}; the same
 * lines go to {@code oracle.go} (Go's go/constant) and to {@link #eval}, and the printed results
 * (String, ExactString, float64/float32 bits and exactness, int64 views, conversions) must be
 * identical. {@code golden.txt} holds Go's answers for the fixed cases so they are checked even
 * where Go is not installed; the seeded random cases need Go.
 */
class ConstantOracleTest {
    static final Path GO = Path.of("/usr/lib/go-1.19/bin/go");
    static final Path ORACLE = Path.of("src/test/resources/glassgo/compiler/constant/oracle.go");

    static final Map<String, Token> OPS = Map.ofEntries(
            Map.entry("+", Token.ADD), Map.entry("-", Token.SUB), Map.entry("*", Token.MUL),
            Map.entry("/", Token.QUO), Map.entry("div", Token.QUO_ASSIGN), Map.entry("%", Token.REM),
            Map.entry("&", Token.AND), Map.entry("|", Token.OR), Map.entry("^", Token.XOR),
            Map.entry("&^", Token.AND_NOT), Map.entry("<<", Token.SHL), Map.entry(">>", Token.SHR),
            Map.entry("==", Token.EQL), Map.entry("!=", Token.NEQ), Map.entry("<", Token.LSS),
            Map.entry("<=", Token.LEQ), Map.entry(">", Token.GTR), Map.entry(">=", Token.GEQ),
            Map.entry("&&", Token.LAND), Map.entry("||", Token.LOR), Map.entry("!", Token.NOT));

    static String op(String kind, String lit) {
        return kind + ":" + GoStrings.quote(lit.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> fixedCases() {
        List<String> c = new ArrayList<>();
        String[] ints = {"0", "1", "42", "0x_FF", "0XdeadBEEF", "0b1010", "0B_1", "0o17", "0O777", "0777", "0_7", "00",
            "1_000_000", "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
            "0x8000000000000000", "340282366920938463463374607431768211456", "08", "1__0", "0x", "_1", "1_",
            "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"};
        for (String s : ints) {
            c.add("show\t" + op("INT", s));
        }
        String[] floats = {"0.", "0.0", ".5", "1.5", "1e100", "1e-100", "1E+2", "6.02214076e23", "1.7976931348623157e308",
            "1.7976931348623159e308", "4.9e-324", "2e-324", "3e-324", "1e-400", "1e400", "3.4028234663852886e38",
            "3.4028235677973366e38", "3.4028235677973362e38", "1.401298464324817e-45", "7e-46", "0.1", "0.3333333333333333333",
            "1e1000", "1e-1000", "1e5000", "1e-5000", "123456.789e1230", "2.5e100000", "1e1000000", "1e-1000000",
            "1e-1886451601", "1e3000000000", "0x1p-2", "0x1.8p1", "0X.8p0", "0x1p1024", "0x1p-1074", "0x1p-1075",
            "0x1.0000000000001p0", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x_1p4", "0x1p+1_0", "1_0.2_5e1_0",
            "0123.5", "089.5", "1e", "1.2.3", "0x1.8", "100000", "1e6", "123456", "1234567", "0.0001", "0.00001",
            "123.456e-7", "999999.5", "9999995", "0.000123456789", "1e-6", "1e21"};
        for (String s : floats) {
            c.add("show\t" + op("FLOAT", s));
        }
        String[] imags = {"0i", "1i", "0123i", "0o17i", "0b101i", "0x1p-2i", "1.5e3i", "1e1000i", "1_0i", "1e3000000000i"};
        for (String s : imags) {
            c.add("show\t" + op("IMAG", s));
        }
        String[] chars = {"'a'", "'\\n'", "'\\x41'", "'\\101'", "'\\377'", "'\\u00e9'", "'\\U0001F600'", "'é'", "'\\''",
            "'\\\"'", "'\\400'", "'\\uD800'", "'\\U00110000'", "'\\z'", "''", "'ab'", "'\\\\'", "'\\a'", "'\\v'"};
        for (String s : chars) {
            c.add("show\t" + op("CHAR", s));
        }
        String[] strings = {"\"\"", "\"hello\"", "\"a\\xffb\"", "\"\\u00e9\\U0001F600\"", "\"tab\\there\"", "\"\\000\\377\"",
            "\"quote\\\"d\"", "\"\\'\"", "\"unterminated", "`raw\\n`", "`a\rb`", "\"\u00ad soft\"", "\"\u2028 sep\"",
            "\"\\x7f\\x01\"", "\"0123456789012345678901234567890123456789012345678901234567890123456789012345\"",
            "\"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\"", "\"\u00e0\u0301\"",
            "\"\\ud800\"", "\"\\U0010ffff\"", "\"\uFFFD\""};
        for (String s : strings) {
            c.add("show\t" + op("STRING", s));
        }
        String one = op("INT", "1");
        String three = op("INT", "3");
        String big = op("INT", "1606938044258990275541962092341162602522202993782792835301376"); // 2^200
        c.add("bin\t" + one + "\t/\t" + three);
        c.add("bin\t" + op("INT", "7") + "\tdiv\t" + op("INT", "-2"));
        c.add("bin\t" + op("INT", "-7") + "\t%\t" + op("INT", "2"));
        c.add("bin\t" + op("INT", "-7") + "\t&^\t" + op("INT", "5"));
        c.add("bin\t" + one + "\t/\t" + op("INT", "0"));
        c.add("bin\t" + big + "\t*\t" + big);
        c.add("bin\t" + op("FLOAT", "1e5000") + "\t*\t" + op("FLOAT", "1e-5000"));
        c.add("bin\t" + op("FLOAT", "1e5000") + "\t+\t" + one);
        c.add("bin\t" + op("FLOAT", "1e100000") + "\t/\t" + three);
        c.add("bin\t" + op("FLOAT", "1e1000000000") + "\t*\t" + op("FLOAT", "1e1000000000"));
        c.add("bin\t" + op("FLOAT", "1e-1000000000") + "\t*\t" + op("FLOAT", "1e-1000000000"));
        c.add("bin\t" + op("FLOAT", "0.1") + "\t+\t" + op("FLOAT", "0.2"));
        c.add("bin\t" + op("IMAG", "2i") + "\t*\t" + op("IMAG", "3i"));
        c.add("bin\t" + op("FLOAT", "1") + "\t/\t" + op("IMAG", "2i"));
        c.add("bin\t" + op("IMAG", "1i") + "\t==\t" + op("IMAG", "1i"));
        c.add("bin\t" + op("STRING", "\"ab\"") + "\t+\t" + op("STRING", "\"\\xff\""));
        c.add("bin\t" + op("STRING", "\"ab\"") + "\t<\t" + op("STRING", "\"\\xff\""));
        c.add("bin\t" + op("STRING", "\"\\xff\"") + "\t<\t" + op("STRING", "\"é\""));
        c.add("bin\t" + one + "\t+\t" + op("STRING", "\"a\""));
        c.add("bin\t" + op("FLOAT", "1.5") + "\t%\t" + one);
        c.add("bin\t" + op("FLOAT", "0.1") + "\t<\t" + op("FLOAT", "1e-5000"));
        c.add("bin\t" + op("FLOAT", "1e-5000") + "\t>\t" + op("INT", "0"));
        c.add("shift\t" + one + "\t<<\t100");
        c.add("shift\t" + op("INT", "-5") + "\t>>\t1");
        c.add("shift\t" + op("FLOAT", "2.0") + "\t<<\t1");
        c.add("unary\t^\t" + one + "\t8");
        c.add("unary\t^\t" + one + "\t0");
        c.add("unary\t-\t" + op("IMAG", "1i") + "\t0");
        c.add("unary\t-\t" + op("FLOAT", "1e5000") + "\t0");
        c.add("unary\t-\t" + op("INT", "-9223372036854775808") + "\t0");
        c.add("unary\t!\t" + one + "\t0");
        // Values that become integral only within rounding error (ToInt's tolerance).
        c.add("bin\t" + op("FLOAT", "1e5000") + "\t/\t" + op("FLOAT", "1e4990"));
        c.add("bin\t" + op("FLOAT", "1e-5000") + "\t*\t" + op("FLOAT", "3e5000"));
        return c;
    }

    /** Seeded random cases: integers of all sizes, fractions, floats with small and huge exponents. */
    static List<String> randomCases(long seed, int n) {
        Random r = new Random(seed);
        String[] ops = {"+", "-", "*", "/", "div", "%", "&", "|", "^", "&^", "==", "<", ">="};
        String[] fops = {"+", "-", "*", "/", "==", "<", ">="};
        List<String> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(6)) {
                case 0 -> c.add("bin\t" + op("INT", randomInt(r)) + "\t" + ops[r.nextInt(ops.length)] + "\t" + op("INT", randomInt(r)));
                case 1 -> c.add("bin\t" + randomNumber(r) + "\t" + fops[r.nextInt(fops.length)] + "\t" + randomNumber(r));
                case 2 -> c.add("show\t" + randomNumber(r));
                case 3 -> c.add("shift\t" + op("INT", randomInt(r)) + "\t" + (r.nextBoolean() ? "<<" : ">>") + "\t" + r.nextInt(200));
                case 4 -> c.add("unary\t" + (r.nextBoolean() ? "^" : "-") + "\t" + op("INT", randomInt(r).replace("-", ""))
                        + "\t" + new int[] {0, 8, 16, 32, 64}[r.nextInt(5)]);
                default -> c.add("unary\t-\t" + randomNumber(r) + "\t0");
            }
        }
        return c;
    }

    /** A decimal or hex integer literal of up to 70 (sometimes 300) bits, possibly negative. */
    static String randomInt(Random r) {
        int bits = r.nextInt(5) == 0 ? 1 + r.nextInt(300) : 1 + r.nextInt(70);
        java.math.BigInteger v = new java.math.BigInteger(bits, r);
        String digits = r.nextBoolean() ? v.toString(10) : "0x" + v.toString(16);
        return (r.nextBoolean() ? "-" : "") + digits;
    }

    static String randomNumber(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> op("INT", randomInt(r).replace("-", ""));
            case 1 -> op("FLOAT", r.nextInt(100000) + "." + r.nextInt(1000) + "e" + (r.nextInt(700) - 350));
            case 2 -> op("FLOAT", (1 + r.nextInt(999)) + "e" + (r.nextBoolean() ? "" : "-") + r.nextInt(20000));
            case 3 -> op("FLOAT", "0x1." + Integer.toHexString(r.nextInt()) + "p" + (r.nextInt(3000) - 1500));
            default -> op("IMAG", r.nextInt(1000) + "." + r.nextInt(100) + "i");
        };
    }

    static String goKind(Kind k) {
        String n = k.name().toLowerCase();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    static Value operand(String s) {
        int i = s.indexOf(':');
        byte[] lit = GoStrings.unquote(s.substring(i + 1));
        return Constant.makeFromLiteral(new String(lit, StandardCharsets.UTF_8), Token.valueOf(s.substring(0, i)));
    }

    static String show(Value v) {
        List<String> parts = new ArrayList<>(List.of(goKind(v.kind()), v.toString(), v.exactString()));
        if (v.kind() == Kind.INT) {
            Constant.Int64 i = Constant.int64Val(v);
            Constant.Int64 u = Constant.uint64Val(v);
            parts.add("i64=" + i.value() + "," + i.exact() + " u64=" + Long.toUnsignedString(u.value()) + "," + u.exact()
                    + " bitlen=" + Constant.bitLen(v));
        }
        if (v.kind() == Kind.INT || v.kind() == Kind.FLOAT) {
            Constant.Float f = Constant.float64Val(v);
            Constant.Float g = Constant.float32Val(v);
            parts.add("f64=" + Long.toHexString(Double.doubleToRawLongBits(f.value())) + "," + f.exact()
                    + " f32=" + Integer.toHexString(Float.floatToRawIntBits((float) g.value())) + "," + g.exact()
                    + " sign=" + Constant.sign(v) + " toInt=" + Constant.toInt(v) + " num=" + Constant.num(v)
                    + " denom=" + Constant.denom(v));
        } else if (v.kind() == Kind.COMPLEX) {
            parts.add("sign=" + Constant.sign(v) + " re=" + Constant.real(v) + " im=" + Constant.imag(v)
                    + " toFloat=" + Constant.toFloat(v));
        }
        return String.join(" | ", parts);
    }

    static String eval(String line) {
        String[] f = line.split("\t");
        try {
            return switch (f[0]) {
                case "show" -> show(operand(f[1]));
                case "bin" -> {
                    Value x = operand(f[1]);
                    Token op = OPS.get(f[2]);
                    Value y = operand(f[3]);
                    yield switch (op) {
                        case EQL, NEQ, LSS, LEQ, GTR, GEQ -> String.valueOf(Constant.compare(x, op, y));
                        default -> show(Constant.binaryOp(x, op, y));
                    };
                }
                case "shift" -> show(Constant.shift(operand(f[1]), OPS.get(f[2]), Integer.parseInt(f[3])));
                case "unary" -> show(Constant.unaryOp(OPS.get(f[1]), operand(f[2]), Integer.parseInt(f[3])));
                default -> "bad case";
            };
        } catch (IllegalArgumentException | ArithmeticException goPanics) {
            return "panic";
        }
    }

    static List<String> runGo(List<String> cases) throws IOException, InterruptedException {
        Path in = Files.createTempFile("glassgo-constant-cases", ".txt");
        try {
            Files.write(in, cases);
            Process p = new ProcessBuilder(GO.toString(), "run", ORACLE.toAbsolutePath().toString())
                    .redirectInput(in.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            byte[] out;
            try (InputStream s = p.getInputStream()) {
                out = s.readAllBytes();
            }
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("go run oracle.go finished").isTrue();
            assertThat(p.exitValue()).as("go run oracle.go exit status").isZero();
            return new String(out, StandardCharsets.UTF_8).lines().toList();
        } finally {
            Files.deleteIfExists(in);
        }
    }

    static void assertSameAnswers(List<String> cases, List<String> expected) {
        assertThat(expected).hasSameSizeAs(cases);
        for (int i = 0; i < cases.size(); i++) {
            assertThat(eval(cases.get(i))).as("case %s", cases.get(i).replace('\t', ' ')).isEqualTo(expected.get(i));
        }
    }

    @Test
    void fixedCasesGiveGoAnswersRecordedInGoldenFile() throws IOException {
        List<String> golden = Files.readAllLines(Path.of("src/test/resources/glassgo/compiler/constant/golden.txt"));
        assertSameAnswers(fixedCases(), golden);
    }

    @Test
    void seededRandomCasesGiveTheSameAnswersAsGoConstant() throws Exception {
        assumeTrue(Files.isExecutable(GO), "Go 1.19 not installed at " + GO);
        List<String> cases = randomCases(20261123L, 1500);
        assertSameAnswers(cases, runGo(cases));
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
    void manyMoreRandomCasesGiveTheSameAnswersAsGoConstant() throws Exception {
        assumeTrue(Files.isExecutable(GO), "Go 1.19 not installed at " + GO);
        for (long seed = 1; seed <= 4; seed++) {
            List<String> cases = randomCases(seed, 25_000);
            assertSameAnswers(cases, runGo(cases));
        }
    }

    /** Regenerates golden.txt from Go: run with -Dglassgo.constant.regenerate=true. */
    @Test
    void goldenFileIsWhatGoPrintsToday() throws Exception {
        assumeTrue(Files.isExecutable(GO), "Go 1.19 not installed at " + GO);
        List<String> fromGo = runGo(fixedCases());
        Path golden = Path.of("src/test/resources/glassgo/compiler/constant/golden.txt");
        if (Boolean.getBoolean("glassgo.constant.regenerate")) {
            Files.write(golden, fromGo);
        }
        assertThat(Files.readAllLines(golden)).isEqualTo(fromGo);
    }
}
