"""Long real-shaped pastes whose meaning sits in one or two lines of service output: the line an entry knows
(its signature or pattern) gives the answer, whatever the report around it says."""


def top(matcher, paste):
    matches = matcher.match(paste).matches
    return matches[0].id if matches else None


def test_a_lock_conflict_on_the_workspace_is_a_canceled_operation(matcher):
    paste = ("Our nightly release stage that updates the scoring service broke last week.\n"
             "The task log ends with:\n"
             "  ERROR: another operation on the same resource is already running in workspace prod-ml-ws\n"
             "  ##[error]Bash exited with code '1'.\n")
    assert top(matcher, paste) == "error-operationcanceled"


def test_a_deployment_refused_for_its_environment_is_an_image_build_failure(matcher):
    paste = ("Rolling out version 4 of our recommender to the managed endpoint keeps failing, the portal shows\n"
             "Status: Failed\n"
             "Details: user error with the requested environment, check the environment definition and retry.\n"
             "conda.yaml pins numpy==1.19 and python 3.11 if that matters.\n")
    assert top(matcher, paste) == "error-imagebuildfailure"


def test_a_template_language_failure_is_the_policy_template_entry(matcher):
    paste = ("Ran az ml online-endpoint create -f endpoint.yml in a new subscription today.\n"
             "(InvalidTemplate) Unable to evaluate template language function 'resourceGroup': the function\n"
             "is not expected at this location.\n"
             "Same yaml works in our dev subscription.\n")
    assert top(matcher, paste) == "invalid-template-function-specification"


def test_a_missing_module_in_a_managed_deployment_is_a_crashed_container(matcher):
    paste = ("ml_client.online_deployments.begin_create_or_update(deployment).result() fails after 20 minutes.\n"
             "The deployment log shows:\n"
             "  File \"/var/azureml-app/src/score.py\", line 4, in <module>\n"
             "    import lightgbm\n"
             "ModuleNotFoundError: No module named 'lightgbm'\n")
    assert top(matcher, paste) == "err_2200-user-container-has-crashedterminated"


def test_a_missing_module_in_a_v1_aks_service_is_a_service_launch_failure(matcher):
    paste = ("Our AKS web service never becomes healthy after Model.deploy, get_logs prints:\n"
             "  File \"/var/azureml-app/score.py\", line 2, in <module>\n"
             "    import xgboost\n"
             "ModuleNotFoundError: No module named 'xgboost'\n")
    assert top(matcher, paste) == "service-launch-fails"


def test_a_missing_module_of_the_cli_extension_is_not_a_container_crash(matcher):
    paste = ("After upgrading the ml extension every az ml command stops with\n"
             "ModuleNotFoundError: No module named 'azure.mgmt.core'\n"
             "even az ml online-endpoint list.\n")
    assert top(matcher, paste) not in {"err_2200-user-container-has-crashedterminated", "service-launch-fails"}


def test_a_missing_module_in_the_batch_driver_stays_a_batch_answer(matcher):
    paste = ("Traceback (most recent call last):\n"
             "  File \"driver/amlbi_main.py\", line 51, in <module>\n"
             "    import azureml.core\n"
             "ModuleNotFoundError: No module named 'azureml'\n")
    assert top(matcher, paste) not in {"err_2200-user-container-has-crashedterminated", "service-launch-fails"}


def test_a_model_file_that_cannot_be_opened_under_azureml_models_is_a_model_path_problem(matcher):
    paste = ("init() of my ACI service stops right away. From the log:\n"
             "OSError: unable to open file 'azureml-models/churn-model/3/model.h5' (name = 'churn-model')\n"
             "The model is registered with that name, version 3.\n")
    assert top(matcher, paste) == "function-fails-get_model_path"


def test_a_kubernetes_deployment_failure_of_the_v1_cli_is_a_service_launch_failure(matcher):
    paste = ("az ml model deploy -n churn-svc --ic inference.json --dc aks.json --ct prod-aks\n"
             "ends with KubernetesDeploymentFailed after the image was built; the pod restarts a few times first.\n")
    assert top(matcher, paste) == "service-launch-fails"


def test_an_instance_status_stuck_at_the_container_start_is_a_crashed_container(matcher):
    paste = ("Created the endpoint from the studio wizard, the deployment state went to Failed. get-logs begins with\n"
             "Instance status:\n"
             "SystemSetup: Succeeded\n"
             "UserContainerImagePull: Succeeded\n"
             "ModelDownload: Succeeded\n"
             "UserContainerStart: Failed\n")
    assert top(matcher, paste) == "err_2200-user-container-has-crashedterminated"


def test_a_missing_module_with_no_deployment_around_it_is_no_container_crash(matcher):
    paste = ("Our function app on Linux stops during cold start:\n"
             "  File \"/home/site/wwwroot/handler/__init__.py\", line 1, in <module>\n"
             "    import pandas\n"
             "ModuleNotFoundError: No module named 'pandas'\n")
    assert top(matcher, paste) not in {"err_2200-user-container-has-crashedterminated", "service-launch-fails"}
