package dev.nemo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatePathsTest {

    @Test
    void defaultsToDotNemoInHome() {
        StatePaths paths = StatePaths.resolve(new Environment(Map.of("HOME", "/home/u")));
        assertEquals(Path.of("/home/u/.nemo"), paths.stateDir());
        assertEquals(Path.of("/home/u/.nemo/nemo.json"), paths.configPath());
    }

    @Test
    void stateDirOverrideMovesTheConfigWithIt() {
        StatePaths paths = StatePaths.resolve(new Environment(Map.of("HOME", "/home/u", "NEMO_STATE_DIR", "/srv/nemo")));
        assertEquals(Path.of("/srv/nemo"), paths.stateDir());
        assertEquals(Path.of("/srv/nemo/nemo.json"), paths.configPath());
    }

    @Test
    void stateDirOverrideExpandsTildeAndIsTrimmed() {
        StatePaths paths = StatePaths.resolve(new Environment(Map.of("HOME", "/home/u", "NEMO_STATE_DIR", "  ~/state  ")));
        assertEquals(Path.of("/home/u/state"), paths.stateDir());
    }

    @Test
    void blankStateDirOverrideIsIgnored() {
        StatePaths paths = StatePaths.resolve(new Environment(Map.of("HOME", "/home/u", "NEMO_STATE_DIR", "   ")));
        assertEquals(Path.of("/home/u/.nemo"), paths.stateDir());
    }

    @Test
    void configPathOverrideIsIndependentOfTheStateDir() {
        StatePaths paths = StatePaths.resolve(new Environment(Map.of("HOME", "/home/u",
                "NEMO_STATE_DIR", "/srv/nemo", "NEMO_CONFIG_PATH", "~/conf/other.json")));
        assertEquals(Path.of("/srv/nemo"), paths.stateDir());
        assertEquals(Path.of("/home/u/conf/other.json"), paths.configPath());
    }

    @Test
    void pathsAreAbsoluteAndNormalised() {
        StatePaths paths = StatePaths.resolve(new Environment(Map.of("HOME", "/home/u", "NEMO_STATE_DIR", "/srv/./a/../nemo")));
        assertEquals(Path.of("/srv/nemo"), paths.stateDir());
    }
}
