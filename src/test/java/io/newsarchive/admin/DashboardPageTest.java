package io.newsarchive.admin;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DashboardPageTest {

    @Test
    void aYearOrAMonthOfTheTimelineLinksToTheListingOfItsDays() {
        assertEquals(
                "/?from=2022-01-01&to=2022-12-31",
                DashboardPage.PERIOD_LINKS.days(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)));
        assertEquals(
                "/?from=2024-02-01&to=2024-02-29",
                DashboardPage.PERIOD_LINKS.days(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
    }
}
