package dev.safespeak.golive;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;

/**
 * A change refused because it was made from a page that showed the item before someone else changed it (a conflict):
 * nothing was overwritten, and the message names who changed what to what. The page shows the item as it is now.
 */
public class ItemChangedMeanwhile extends BusinessException {

    public ItemChangedMeanwhile(String message) {
        super(ErrorCode.CONFLICT, message);
    }
}
