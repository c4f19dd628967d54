#!/usr/bin/env python3
"""Adds or updates strings in a .resx file: resx.py FILE KEY=VALUE ... (creates the file when missing).
The pages' text lives in src/GhgReporting.Api/Resources/Web/*.resx; a translation is a FILE.{culture}.resx."""
import sys, os
import xml.etree.ElementTree as ET

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
"""

def main(path, pairs):
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEADER)
    ET.register_namespace("xml", "http://www.w3.org/XML/1998/namespace")
    tree = ET.parse(path)
    root = tree.getroot()
    existing = {d.get("name"): d for d in root.findall("data")}
    for pair in pairs:
        key, value = pair.split("=", 1)
        node = existing.get(key)
        if node is None:
            node = ET.SubElement(root, "data", {"name": key, "{http://www.w3.org/XML/1998/namespace}space": "preserve"})
            ET.SubElement(node, "value")
            existing[key] = node
        node.find("value").text = value
    ET.indent(tree, "  ")
    tree.write(path, encoding="utf-8", xml_declaration=True)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
