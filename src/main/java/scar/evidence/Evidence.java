package scar.evidence;

import java.util.Objects;

/**
 * The held-out evidence of one modality's profile.
 *
 * @param hardItems the items the full-data probe gets wrong or nearly wrong
 */
public record Evidence(HardItems hardItems) {
    public Evidence {
        Objects.requireNonNull(hardItems, "hardItems");
    }
}
