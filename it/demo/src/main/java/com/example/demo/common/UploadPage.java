package com.example.demo.common;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of the track and workflow upload pages.
 */
@Component
public class UploadPage {

    private static final System.Logger LOG = System.getLogger(UploadPage.class.getName());

    /** Maximum upload size shown to the user, in megabytes. */
    private static final int MAX_UPLOAD_MB = 200;

    /**
     * Adds the hint and limits shown above the file picker.
     */
    public void populate(Model model, boolean firstVisit) {
        model.addAttribute("hint", "Select a file to upload");
        model.addAttribute("maxUploadMb", MAX_UPLOAD_MB);
        if (firstVisit) {
            LOG.log(System.Logger.Level.DEBUG, "Select a file to upload: showing onboarding hint");
        }
    }
}
