package io.newsarchive.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MainTest {

    @Test
    void commandsOtherThanServeRunInTheProfileCliAfterAnyGiven() {
        assertEquals("cli", Main.withCli(null));
        assertEquals("cli", Main.withCli(" "));
        assertEquals("staging,cli", Main.withCli("staging"));
        assertEquals("prod,staging,cli", Main.withCli("prod,staging"));
        assertEquals("staging, cli", Main.withCli("staging, cli"), "cli given already");
    }
}
