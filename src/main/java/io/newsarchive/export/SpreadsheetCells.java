package io.newsarchive.export;

/**
 * OWASP's advice against CSV injection: a cell that a spreadsheet would run as a formula (it starts with =, +, -,
 * @, tab or carriage return) gets a leading apostrophe, which spreadsheets show as text.
 */
final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
