package io.careroute.data.io;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * An Excel cell as the text the CSV reader would see, so both go through one parser. Numbers are written out in
 * full ({@code 13800000000}, not {@code 1.38E10}); cells Excel formats as dates or times become ISO text
 * ({@code 2026-11-24}, {@code 10:45}, {@code 2026-11-24T10:45}); formulas give their last computed value.
 */
final class CellText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter CLOCK_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private CellText() {
    }

    static boolean isError(Cell cell) {
        return cell != null && type(cell) == CellType.ERROR;
    }

    static String of(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (type(cell)) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? dateText(cell.getNumericCellValue()) : number(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    private static CellType type(Cell cell) {
        return cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Excel keeps dates as days since 1900 and times as fractions of a day. */
    private static String dateText(double value) {
        LocalDateTime time = DateUtil.getLocalDateTime(value, false, true);
        if (value < 1) {
            return (time.getSecond() == 0 ? CLOCK : CLOCK_SECONDS).format(time);
        }
        if (time.toLocalTime().toSecondOfDay() == 0) {
            return time.toLocalDate().toString();
        }
        return time.toString();
    }
}
