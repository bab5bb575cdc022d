"""Treadmills and heart-rate straps: the Bluetooth byte codecs (FTMS and the Heart Rate Service).

The codecs are pure functions from bytes to frozen dataclasses and back, on the standard library
only. Bytes that cannot be read raise `DeviceError` naming the byte offset and the reason; values
that cannot be sent raise `DeviceError` naming the field and what it holds.
"""
