package dev.boomer.domain.vision;

import java.util.List;

/** Free, local pre-analysis of an item's photos before anything is paid for: barcodes, blur, darkness, duplicates. */
public interface PhotoInspector {

    PhotoFindings inspect(List<VisionImage> images);
}
