"""Normalisation keeps what identifies a problem and drops what varies between pastes."""
from app.matching.normalize import normalize


def test_full_width_and_case_are_folded():
    assert normalize("ＥＲＲ＿１１００ Failed") == "err_1100 failed"


def test_timestamps_are_removed():
    assert normalize("2021-10-11T02:17:43,882 | root | INFO | Booting worker") == "| root | info | booting worker"


def test_guids_and_request_ids_are_removed():
    text = "x-ms-request-id: 0c6f2b1e-93d4-4e7a-b5c8-1d2e3f4a5b6c failed; Operation ID: 9e41c2d7-3b5a-4f08-8c6e-2a1d7f0b5c93"
    assert normalize(text) == "failed;"


def test_long_hex_ids_and_ips_are_removed():
    assert normalize("image azureml_5f1e0c9a7b3d24e6c8a1f0d2b4e6a8c0 on 10.0.0.5:8080") == "image azureml_ on"


def test_url_keeps_only_the_host():
    assert normalize("POST https://fraud-ep.westeurope.inference.ml.azure.com/score?x=1") == \
        "post fraud-ep.westeurope.inference.ml.azure.com"


def test_path_keeps_only_the_file_name():
    assert normalize('File "/var/azureml-app/score.py", line 12') == 'file " score.py ", line 12'


def test_codes_and_identifiers_survive():
    text = "ERR_2101 Insufficient nvidia.com/gpu request_timeout_ms"
    assert normalize(text) == "err_2101 insufficient nvidia.com/gpu request_timeout_ms"


def test_control_characters_and_nul_do_not_survive():
    assert normalize("bad\x00byte\x07here") == "bad byte here"


def test_a_troubleshooting_link_keeps_the_section_it_names():
    assert normalize("Please see https://aka.ms/oe-tsg#error-outofquota") == "please see aka.ms error outofquota"
